/*
 * test-timeline.c - the timeline's recognizers, one expression at a time.
 *
 * Each row is a short text (an expression in context, with an anchoring
 * date before it where the expression is relative), an optional document
 * year, and the entries the text must give, written "VALUE KIND[:MOD]"
 * and joined by "; ".  An empty want means the text holds no date at all.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "tap.h"
#include "tl-check.h"

static const struct tl_check_row rows[] = {
	/* Issue 14: ranges through a year's end, two days with one 日. */
	{ 0, "2019年12月，展览筹备。从12月16日到1月1日，展览开放。",
	    "2019-12 absolute; 2019-12-16/2020-01-01 range" },
	{ 0, "2019年12月，会议召开。12月至次年2月，施工。",
	    "2019-12 absolute; 2019-12/2020-02 range" },
	{ 0, "2019年12月16日至1月3日，展览开放。",
	    "2019-12-16/2020-01-03 range" },
	{ 0, "2020年8月，会议召开。8月17至30日，调查进行。",
	    "2020-08 absolute; 2020-08-17/2020-08-30 range" },
	{ 0, "2020年6月24至26日，培训。", "2020-06-24/2020-06-26 range" },
	{ 0, "2020年6月，开会。18、19日，两场会议。",
	    "2020-06 absolute; 2020-06-18/2020-06-19 range" },
	{ 0, "2020年6月，开会。28、29两日内，完成。",
	    "2020-06 absolute; 2020-06-28/2020-06-29 range" },
	{ 0, "2020年6月，开会。19、18日，两场会议。",
	    "2020-06 absolute; 2020-06-18 relative" },
	/* Before the era. */
	{ 0, "约前1950年，城址出现。", "BC1950 absolute:APPROX" },
	{ 0, "前21世纪，夏朝建立。", "BC20XX decade" },
	{ 0, "前730,000年，古人类用火。", "BC730000 absolute" },
	{ 0, "公元前5世纪，百家争鸣。", "BC04XX decade" },
	{ 0, "距今1,000年，遗址形成。", "" },
	/* Times of day. */
	{ 0, "2020年2月8日19时50分，发布通告。", "2020-02-08T19:50 absolute" },
	{ 0, "2020年2月8日下午3时，开会。", "2020-02-08T15:00 absolute" },
	{ 0, "2020年2月8日凌晨2时，渗水。", "2020-02-08T02:00 absolute" },
	{ 0, "2020年2月17号24时起，封闭。", "2020-02-17T24:00 absolute:SINCE" },
	{ 0, "2020年2月17日24：00起，封闭。", "2020-02-17T24:00 absolute:SINCE" },
	{ 0, "2020年2月17日傍晚，下雨。", "2020-02-17TEV absolute" },
	{ 0, "2020年2月17日12名代表到场。", "2020-02-17 absolute" },
	/* Open ranges and negatives. */
	{ 0, "2022年2月1日，通告发布。自即日起，恢复调度。",
	    "2022-02-01 absolute; 2022-02-01 relative:SINCE" },
	{ 0, "2020年，他入职。他在两个月以前就走了。", "2020 absolute" },
	{ 0, "2020年，改革。按照结转年限计算。", "2020 absolute" },
	{ 0, "2009年3月，签约，约定每月15日结算。", "2009-03 absolute" },
	{ 0, "（2012）某中民初字第123号", "" },
	/* A citation never anchors. */
	{ 0, "2019年12月12日，会议召开。"
	    "据《2020年1月24日报告》，同日发布通知。",
	    "2019-12-12 absolute; 2020-01-24 absolute; 2019-12-12 relative" },
	/* A year line anchors its section past a date cited in passing. */
	{ 0, "1949年\n\n10月1日，大会召开，回顾1937年往事。\n\n"
	    "12月，迁址。",
	    "1949 absolute; 1949-10-01 relative; 1937 absolute; "
	    "1949-12 relative" },
	/* Absolute, Chinese. */
	{ 0, "2016年4月19日，会议在北京召开。", "2016-04-19 absolute" },
	{ 0, "2015年12月，项目正式启动。", "2015-12 absolute" },
	{ 0, "2014年，公司在深圳成立。", "2014 absolute" },
	{ 0, "二〇〇〇年三月十七日，标准发布。", "2000-03-17 absolute" },
	{ 0, "二○○八年八月八日，奥运会开幕。", "2008-08-08 absolute" },
	{ 0, "２０２２年７月１９日，新版发布。", "2022-07-19 absolute" },
	{ 0, "一九七五年，他开始研究照排。", "1975 absolute" },
	{ 0, "二零一八年十二月三十一日晚，钟声敲响。",
	    "2018-12-31TEV absolute" },
	{ 0, "要求自2001年9月1日起执行。", "2001-09-01 absolute:SINCE" },
	{ 0, "标准于2001年9月1日实施。", "2001-09-01 absolute" },
	{ 0, "2016年4月19号上午，大会开幕。", "2016-04-19TMO absolute" },
	{ 0, "公元前221年，秦统一六国。", "BC0221 absolute" },
	{ 0, "公元960年，宋朝建立。", "0960 absolute" },
	{ 0, "前221年，秦统一六国。", "BC0221 absolute" },
	{ 0, "秦朝（前221年—前207年）是第一个统一王朝。",
	    "BC0221/BC0207 range" },
	{ 0, "他在任期的前100年里没有变化。", "" },
	{ 0, "公元1368年，明朝建立。", "1368 absolute" },
	{ 0, "2020年2月29日，系统照常运行。", "2020-02-29 absolute" },
	{ 0, "1999 年 12 月 20 日，澳门回归。", "1999-12-20 absolute" },
	{ 0, "2019年5月份，销量回升。", "2019-05 absolute" },
	{ 0, "民国三十八年，他去了台湾。", "1949 absolute" },
	{ 0, "1949年10月1日，中华人民共和国成立。", "1949-10-01 absolute" },
	{ 0, "他生于1902年，卒于1988年。",
	    "1902 absolute; 1988 absolute" },
	{ 0, "截至2022年6月，用户已超过十亿。", "2022-06 absolute" },
	{ 0, "2012年11月15日至今，他一直担任主任。",
	    "2012-11-15 absolute:SINCE" },
	{ 0, "一九九七年七月一日零时，香港回归。",
	    "1997-07-01T00:00 absolute" },
	{ 0, "二〇二一年十一月，报告公布。", "2021-11 absolute" },
	{ 0, "1840年鸦片战争爆发。", "1840 absolute" },
	{ 0, "到了2010年，这种设备已经很少见。", "2010 absolute" },
	{ 0, "在2003年的非典疫情中，医院承受了巨大压力。",
	    "2003 absolute" },
	{ 0, "2023年8月1日起，新规实施。", "2023-08-01 absolute:SINCE" },
	{ 0, "他于1987年5月22日凌晨抵达。", "1987-05-22TNI absolute" },
	{ 0, "2001年9月11日，纽约遭到袭击。", "2001-09-11 absolute" },
	/* Numeric forms. */
	{ 0, "发布日期：2016-04-19。", "2016-04-19 absolute" },
	{ 0, "2016/4/19发布了第一版。", "2016-04-19 absolute" },
	{ 0, "2016.04.19，系统上线。", "2016-04-19 absolute" },
	{ 0, "Released 2023-08-01 with fixes.", "2023-08-01 absolute" },
	{ 0, "The log starts at 2023-08.", "2023-08 absolute" },
	{ 0, "Deadline: 19/04/2016.", "2016-04-19 absolute" },
	{ 0, "Stamped 2019-03-05T10:30 in the log.", "2019-03-05 absolute" },
	{ 0, "1990.09-1994.07 北京大学物理系学习", "1990-09/1994-07 range" },
	{ 0, "2019.3—2021.6 任公司经理", "2019-03/2021-06 range" },
	{ 0, "2021.07-至今 任公司董事长", "2021-07 absolute:SINCE" },
	{ 0, "升级到2019.3版本后运行正常。", "" },
	/* Fuzzy modifiers. */
	{ 0, "2019年底，工程完工。", "2019 absolute:END" },
	{ 0, "2019年末，工程完工。", "2019 absolute:END" },
	{ 0, "2019年初，工程开工。", "2019 absolute:START" },
	{ 0, "2019年中，工程过半。", "2019 absolute:MID" },
	{ 0, "2020年上半年，经济下行。", "2020 absolute:START" },
	{ 0, "2020年下半年，经济回暖。", "2020 absolute:END" },
	{ 0, "一九七五年春，王选开始研究。", "1975 absolute:SPRING" },
	{ 0, "2018年夏天，他们出发了。", "2018 absolute:SUMMER" },
	{ 0, "2018年秋季，学校开学。", "2018 absolute:AUTUMN" },
	{ 0, "2018年冬，大雪封山。", "2018 absolute:WINTER" },
	{ 0, "2001年3月上旬，新版发布。", "2001-03 absolute:START" },
	{ 0, "2001年3月中旬，新版发布。", "2001-03 absolute:MID" },
	{ 0, "2001年3月下旬，新版发布。", "2001-03 absolute:END" },
	{ 0, "2001年3月初，新版发布。", "2001-03 absolute:START" },
	{ 0, "2001年3月底，新版发布。", "2001-03 absolute:END" },
	{ 0, "1949年10月1日前夕，群众聚集。",
	    "1949-10-01 absolute:BEFORE" },
	{ 0, "自2014年以来，销量持续增长。", "2014 absolute:SINCE" },
	{ 0, "2014年以来，销量持续增长。", "2014 absolute:SINCE" },
	{ 0, "自2014年起，销量持续增长。", "2014 absolute:SINCE" },
	{ 0, "1990年前后，个人电脑开始普及。", "1990 absolute:APPROX" },
	{ 0, "1990年左右，个人电脑开始普及。", "1990 absolute:APPROX" },
	{ 0, "约1500年，这里出现了集市。", "1500 absolute:APPROX" },
	{ 0, "2006年至今，他一直在这里工作。", "2006 absolute:SINCE" },
	{ 0, "2019年中美双方举行会谈。", "2019 absolute" },
	{ 0, "2022年冬奥会在北京举行。", "2022 absolute" },
	{ 0, "2020年春节期间，街道冷清。", "2020 absolute" },
	/* Ranges. */
	{ 0, "2018年4月20日至21日，论坛举行。",
	    "2018-04-20/2018-04-21 range" },
	{ 0, "2023年9月12日至13日，举办培训。",
	    "2023-09-12/2023-09-13 range" },
	{ 0, "2016年4月至6月，进行了调查。", "2016-04/2016-06 range" },
	{ 0, "2019年1-6月，全市营收增长5%。", "2019-01/2019-06 range" },
	{ 0, "2019年1—11月份，出口下降。", "2019-01/2019-11 range" },
	{ 0, "2019年，经济平稳。1-6月，营收增长。",
	    "2019 absolute; 2019-01/2019-06 range" },
	{ 2023, "今年1-11月，营收增长。", "2023-01/2023-11 range" },
	{ 0, "起步阶段（1974年—1989年）", "1974/1989 range" },
	{ 0, "1974—1989年，这是起步阶段。", "1974/1989 range" },
	{ 0, "从1974年到1989年，计算机逐步普及。", "1974/1989 range" },
	{ 0, "2018年4月20日至5月2日，展览开放。",
	    "2018-04-20/2018-05-02 range" },
	{ 0, "2019年12月30日—2020年1月3日，会议延期。",
	    "2019-12-30/2020-01-03 range" },
	{ 0, "汉字编码大事记（1974—2023）", "1974/2023 range" },
	{ 0, "抗日战争（1937～1945）期间，学校内迁。", "1937/1945 range" },
	{ 0, "1937~1945年，学校内迁。", "1937/1945 range" },
	{ 0, "2020年1月～3月，营收下降。", "2020-01/2020-03 range" },
	{ 0, "2008年8月8日到24日，奥运会举行。",
	    "2008-08-08/2008-08-24 range" },
	{ 0, "1998年至2002年间，他在国外留学。", "1998/2002 range" },
	{ 0, "2016 年 4 月至 6 月，进行了调查。", "2016-04/2016-06 range" },
	/* Decades and centuries. */
	{ 0, "20世纪80年代，个人电脑进入中国。", "198X decade" },
	{ 0, "1980年代，输入法大量出现。", "198X decade" },
	{ 0, "上世纪90年代，互联网兴起。", "199X decade" },
	{ 0, "80年代，输入法大量出现。", "198X decade" },
	{ 0, "20世纪，计算机诞生。", "19XX decade" },
	{ 0, "二十世纪八十年代，改革开放。", "198X decade" },
	{ 0, "90年代中期，报社告别铅字。", "199X decade:MID" },
	{ 0, "90年代末，互联网泡沫破裂。", "199X decade:END" },
	{ 0, "80年代初，第一批微机进入高校。", "198X decade:START" },
	{ 0, "21世纪初，移动通信普及。", "20XX decade:START" },
	{ 0, "19世纪末，电报传入中国。", "18XX decade:END" },
	{ 0, "七十年代末，恢复高考。", "197X decade:END" },
	{ 0, "上个世纪五十年代，工厂建成。", "195X decade" },
	{ 0, "20世纪70年代中期，研究开始。", "197X decade:MID" },
	{ 0, "1990年代以来，互联网普及。", "199X decade:SINCE" },
	{ 0, "十八世纪中叶，工业革命开始。", "17XX decade:MID" },
	{ 0, "上世纪末，互联网进入中国。", "19XX decade:END" },
	{ 0, "本世纪初，移动支付兴起。", "20XX decade:START" },
	{ 0, "上海本地的以上数据。", "" },
	{ 0, "2020年，疫情暴发。1月20日到2月3日，全市停工。",
	    "2020 absolute; 2020-01-20/2020-02-03 range" },
	/* Targets. */
	{ 0, "会议审议了2035年远景目标纲要。", "2035 target" },
	{ 0, "到2030年，将建成现代化强国。", "2030 target" },
	{ 0, "力争到2025年实现全面覆盖。", "2025 target" },
	{ 0, "计划2030年前实现碳达峰。", "2030 target" },
	{ 0, "到2023年底，汉字数量已经接近十万个。", "2023 absolute:END" },
	{ 2023, "到2050年，人口结构发生变化。", "2050 target" },
	{ 0, "2020年目标已经完成。", "2020 target" },
	{ 0, "提出到2025年、2035年的两步走目标。",
	    "2025 target; 2035 target" },
	{ 0, "2022年冬奥会于2月4日开幕，2月20日闭幕。",
	    "2022 absolute; 2022-02-04 relative; 2022-02-20 relative" },
	{ 0, "2024年3月21日，2026年世界杯预选赛举行。3月26日，两队再战。",
	    "2024-03-21 absolute; 2026 absolute; 2024-03-26 relative" },
	/* Relative, resolved against the text. */
	{ 0, "1991年10月，第一卷出版。次年6月，第二卷问世。",
	    "1991-10 absolute; 1992-06 relative" },
	{ 0, "1979年7月27日，输出样张。当天，人们传看。",
	    "1979-07-27 absolute; 1979-07-27 relative" },
	{ 0, "1987年5月22日出版。同年，系统推广。",
	    "1987-05-22 absolute; 1987 relative" },
	{ 0, "2005年11月，标准发布，两年后，产品普遍支持。",
	    "2005-11 absolute; 2007 relative" },
	{ 0, "2019年3月5日开幕。次日，代表分组讨论。",
	    "2019-03-05 absolute; 2019-03-06 relative" },
	{ 0, "2019年12月31日，晚会举行。翌日，新规生效。",
	    "2019-12-31 absolute; 2020-01-01 relative" },
	{ 0, "2019年3月5日，大会开幕。当晚，举行招待会。",
	    "2019-03-05 absolute; 2019-03-05TEV relative" },
	{ 0, "2010年，公司成立。这一年的2月，首款产品上市。",
	    "2010 absolute; 2010-02 relative" },
	{ 0, "2010年5月，会议召开。同月20日，文件下发。",
	    "2010-05 absolute; 2010-05-20 relative" },
	{ 0, "2020年1月，疫情暴发。1月4日上午，专家抵达。",
	    "2020-01 absolute; 2020-01-04TMO relative" },
	{ 0, "2019年12月，疫情出现。1月3日，通报发布。",
	    "2019-12 absolute; 2020-01-03 relative" },
	{ 0, "2015年，他离开家乡。三年后，他回来了。",
	    "2015 absolute; 2018 relative" },
	{ 2023, "8年前，这里还是一片荒地。", "2015 relative" },
	{ 2023, "去年，销量增长。", "2022 relative" },
	{ 2023, "今年3月，新品上市。", "2023-03 relative" },
	{ 2023, "前年，工厂扩建。", "2021 relative" },
	{ 2023, "明年，工厂将扩建。", "2024 relative" },
	{ 0, "去年，销量增长。", "" },
	{ 2023, "国家统计局12月5日发布数据。", "2023-12-05 relative" },
	{ 0, "当天，人们传看样张。", "" },
	{ 0, "2019年，大会召开。当天，代表入场。", "2019 absolute" },
	{ 0, "2018年3月1日，通知下发。21日，各地落实。",
	    "2018-03-01 absolute; 2018-03-21 relative" },
	{ 0, "2000年，项目立项。翌年，项目启动。",
	    "2000 absolute; 2001 relative" },
	{ 0, "2000年6月1日，设备到货。3天后，开始调试。",
	    "2000-06-01 absolute; 2000-06-04 relative" },
	{ 0, "2000年6月，设备到货。3个月后，开始生产。",
	    "2000-06 absolute; 2000-09 relative" },
	{ 0, "2000年6月，设备到货。次月，开始生产。",
	    "2000-06 absolute; 2000-07 relative" },
	{ 0, "2000年，设备到货。第二年，开始生产。",
	    "2000 absolute; 2001 relative" },
	{ 0, "2012年，他入学。同年9月1日，他搬进宿舍。",
	    "2012 absolute; 2012-09-01 relative" },
	{ 0, "2012年，他入学。当年底，他转学。",
	    "2012 absolute; 2012 relative:END" },
	{ 0, "1998年，他出国。十年后，他回国创业。",
	    "1998 absolute; 2008 relative" },
	{ 0, "2020年2月28日，会议召开。次日，文件下发。",
	    "2020-02-28 absolute; 2020-02-29 relative" },
	{ 0, "2021年2月28日，会议召开。次日，文件下发。",
	    "2021-02-28 absolute; 2021-03-01 relative" },
	{ 0, "2015年3月，公司上市。同年，利润翻番。",
	    "2015-03 absolute; 2015 relative" },
	{ 0, "2015年8月10日，会议召开。9月3日，阅兵举行。",
	    "2015-08-10 absolute; 2015-09-03 relative" },
	{ 2023, "3年前，他来到北京。", "2020 relative" },
	{ 0, "“一五”计划（1953—1957年）期间，建设了156个项目。1月中旬以来，"
	    "气温偏高。", "1953/1957 range" },
	{ 0, "2005年，工程开工。8年前，这里还是荒地。",
	    "2005 absolute; 1997 relative" },
	{ 0, "2020年，疫情暴发。1月20日至2月3日，全市停工。",
	    "2020 absolute; 2020-01-20/2020-02-03 range" },
	{ 2023, "今年1月至11月，营收增长。", "2023-01/2023-11 range" },
	{ 0, "2018、2019年连续两年增长。", "2018 absolute; 2019 absolute" },
	{ 0, "2016和2017年，销量下降。", "2016 absolute; 2017 absolute" },
	{ 0, "2019年，他来到这里。每年的3月15日，他都回去。",
	    "2019 absolute" },
	/* English. */
	/*
	 * The scan stops at an English word by its first three letters,
	 * in any case, and at a word cut by the text's end.
	 */
	{ 2019, "He left two years later.", "2021 relative" },
	{ 2019, "He left TWO YEARS LATER.", "2021 relative" },
	{ 2019, "He left Two Years Later.", "2021 relative" },
	{ 0, "JANUARY 5, 2020 was cold.", "2020-01-05 absolute" },
	{ 0, "Janus met them on 5 Jan 2020.", "2020-01-05 absolute" },
	{ 0, "Tw 2020 years.", "" },
	{ 2019, "The next day he left. Last year he came.", "2018 relative" },
	{ 2019, "Nexus opened the next day.", "" },
	{ 2019, "A year later, he left.", "2020 relative" },
	{ 2019, "a year later, he left.", "2020 relative" },
	{ 2019, "Thirteen years later, he left.", "" },
	{ 2019, "Eleven years later he left.", "2030 relative" },
	{ 0, "Septembers 2019 came.", "" },
	{ 0, "In Sept 2019 it rained.", "2019-09 absolute" },
	{ 0, "Decembers 2019 came.", "" },
	{ 0, "He wrote December", "" },
	{ 0, "He wrote Dec", "" },
	{ 0, "On Dec 5", "" },
	{ 2019, "Eightfold years later he left.", "" },
	{ 2019, "Sevenfold days later.", "" },
	/* Every number word of a shift, and words that only start as one. */
	{ 2019, "One year later he left.", "2020 relative" },
	{ 2019, "Three years later he left.", "2022 relative" },
	{ 2019, "Four years later he left.", "2023 relative" },
	{ 2019, "Five years later he left.", "2024 relative" },
	{ 2019, "Six years later he left.", "2025 relative" },
	{ 2019, "Seven years later he left.", "2026 relative" },
	{ 2019, "Eight years later he left.", "2027 relative" },
	{ 2019, "Nine years later he left.", "2028 relative" },
	{ 2019, "Ten years later he left.", "2029 relative" },
	{ 2019, "Twelve years later he left.", "2031 relative" },
	{ 2019, "Twelve", "" },
	{ 2019, "Tenfold years later.", "" },
	{ 2019, "Nineteen years later.", "" },
	{ 0, "It happened on 19 April 2016.", "2016-04-19 absolute" },
	{ 0, "It happened on April 19, 2016.", "2016-04-19 absolute" },
	{ 0, "Version 1.1 shipped in March 2001.", "2001-03 absolute" },
	{ 0, "The office opened on 1 Aug 2023.", "2023-08-01 absolute" },
	{ 0, "The office opened on Aug. 1, 2023.", "2023-08-01 absolute" },
	{ 0, "In 1998, the company moved.", "1998 absolute" },
	{ 0, "Sales have grown since 2014.", "2014 absolute:SINCE" },
	{ 0, "The plant opened in early 2019.", "2019 absolute:START" },
	{ 0, "The plant opened in mid-2019.", "2019 absolute:MID" },
	{ 0, "The plant closed in late 2019.", "2019 absolute:END" },
	{ 0, "Music changed in the 1990s.", "199X decade" },
	{ 0, "Work started in the late 1990s.", "199X decade:END" },
	{ 0, "Work started in the early 1980s.", "198X decade:START" },
	{ 0, "Work started in the mid-1980s.", "198X decade:MID" },
	{ 0, "Printing changed in the 20th century.", "19XX decade" },
	{ 0, "Qin unified China in 221 BC.", "BC0221 absolute" },
	{ 0, "He lived there from 1974 to 1989.", "1974/1989 range" },
	{ 0, "He lived there between 1974 and 1989.", "1974/1989 range" },
	{ 0, "The forum ran April 20-21, 2018.",
	    "2018-04-20/2018-04-21 range" },
	{ 0, "The forum ran 20-21 April 2018.",
	    "2018-04-20/2018-04-21 range" },
	{ 0, "The survey ran April-June 2016.", "2016-04/2016-06 range" },
	{ 0, "He began in the spring of 1975.", "1975 absolute:SPRING" },
	{ 0, "It was announced on July 19, 2022. The next day, it shipped.",
	    "2022-07-19 absolute; 2022-07-20 relative" },
	{ 0, "It was founded in 2005. Two years later, it was sold.",
	    "2005 absolute; 2007 relative" },
	{ 0, "It was founded in 2005. That year, sales doubled.",
	    "2005 absolute; 2005 relative" },
	{ 0, "Years of war (1939-1945) changed the city.", "1939/1945 range" },
	{ 0, "It was announced on July 19, 2022, more than a year earlier.",
	    "2022-07-19 absolute" },
	{ 0, "The first public version came out on 17 March 2000.",
	    "2000-03-17 absolute" },
	{ 0, "In December 2019, cases appeared. On January 3, a notice.",
	    "2019-12 absolute; 2020-01-03 relative" },
	{ 2023, "Last year, the office moved.", "2022 relative" },
	{ 0, "In 2019 sales fell. In March, the firm cut jobs.",
	    "2019 absolute; 2019-03 relative" },
	{ 0, "In 2019 sales fell. By late April, the firm cut jobs.",
	    "2019 absolute; 2019-04 relative:END" },
	{ 0, "In 2019 sales fell. We may march on. May I go?",
	    "2019 absolute" },
	{ 0, "In 2019 it was tested twice a year, in April and October.",
	    "2019 absolute" },
	{ 2023, "Ten years ago, the office moved.", "2013 relative" },
	{ 0, "By 2030 the network will cover the country.", "2030 target" },
	{ 0, "By 1995 the network covered the country.", "1995 absolute" },
	{ 0, "The law will be reviewed in 2027.", "2027 target" },
	{ 0, "In 1998 he said the company will grow.", "1998 absolute" },
	{ 0, "Her diary covers the years 1840 to 1865.", "1840/1865 range" },
	{ 0, "The city aims to be carbon neutral by 2050.", "2050 target" },
	{ 0, "The 2008 Olympics were held in Beijing.", "2008 absolute" },
	{ 0, "See section 4.2 of the 2019 report.", "2019 absolute" },
	{ 0, "By the end of 2019, sales had doubled.", "2019 absolute" },
	{ 0, "The building has 1200 rooms and 2000 windows.", "" },
	{ 0, "A total of 1500 came, out of 2000 invited.", "" },
	{ 0, "In 2023 it opened, two years after its planned date.",
	    "2023 absolute" },
	{ 0, "In 2021 it opened. Two years after, it closed.",
	    "2021 absolute; 2023 relative" },
	{ 0, "He worked there from 2010 until 2015.", "2010/2015 range" },
	{ 0, "In the summer of 2019, the lab moved.", "2019 absolute:SUMMER" },
	{ 0, "On Monday, March 3rd, 2014, the vote was held.",
	    "2014-03-03 absolute" },
	/* Traditional characters. */
	{ 0, "1987年7月15日，臺灣解除戒嚴。隔年，報禁開放。",
	    "1987-07-15 absolute; 1988 relative" },
	{ 0, "民國七十六年，政府宣布解嚴。", "1987 absolute" },
	{ 0, "民國一百零五年（2016年）7月，南港站啟用。", "2016-07 absolute" },
	{ 0, "清康熙二十三年（1684年），清政府宣布开海。", "1684 absolute" },
	{ 0, "2001年9月11日，紐約遭到襲擊。兩年後，戰爭爆發。",
	    "2001-09-11 absolute; 2003 relative" },
	{ 0, "二十世紀八十年代，經濟起飛。", "198X decade" },
	{ 0, "上世紀九十年代後期，網路普及。", "199X decade:END" },
	{ 0, "自2014年以來，銷量持續增長。", "2014 absolute:SINCE" },
	{ 0, "2019年3月5日開幕。當天，代表入場。",
	    "2019-03-05 absolute; 2019-03-05 relative" },
	/* Japanese and Korean. */
	{ 0, "2023年8月1日、新しい規格が施行された。", "2023-08-01 absolute" },
	{ 0, "숫자 2023년 8월 1일 같은 날짜", "2023-08-01 absolute" },
	{ 0, "令和の前、1989年1月7日に昭和が終わった。",
	    "1989-01-07 absolute" },
	/* Not dates: counts, measures, money, percentages. */
	{ 0, "全国有2000万用户。", "" },
	{ 0, "收录6763个汉字。", "" },
	{ 0, "运来20多吨物资。", "" },
	{ 0, "有250多家企业参加。", "" },
	{ 0, "营收6.18亿元。", "" },
	{ 0, "增长了15.3%。", "" },
	{ 0, "销量增长了2000%。", "" },
	{ 0, "售价2019元。", "" },
	{ 0, "It costs $2000 today.", "" },
	{ 0, "About 2000 people attended.", "" },
	{ 0, "In 2000 copies sold, none was signed.", "" },
	/* Not dates: versions and standard numbers. */
	{ 0, "GB 18030-2000发布。", "" },
	{ 0, "标准号GB 2312-1980。", "" },
	{ 0, "ISO/IEC 10646-1:1993发布。", "" },
	{ 0, "参照GB/T 7714-2015著录。", "" },
	{ 0, "Unicode 13.0发布。", "" },
	{ 0, "5G网络和3g流量。", "" },
	{ 0, "Windows 2000 and Office 2019 were installed.", "" },
	{ 0, "Python 3.11.2 is required.", "" },
	{ 0, "GB 13000.1-1993与之等同。", "" },
	/* Not dates: anniversaries, ordinals, durations. */
	{ 0, "庆祝建校20周年。", "" },
	{ 0, "第十九次全国代表大会召开。", "" },
	{ 0, "他工作了5年。", "" },
	{ 0, "改革开放30年来，变化巨大。", "" },
	{ 0, "中华文明近5000年的历史。", "" },
	{ 0, "这里有1000多年的历史。", "" },
	{ 0, "两千年前，这里是海。", "" },
	{ 0, "一年四季，一日三餐。", "" },
	{ 0, "每年都有新变化。", "" },
	{ 0, "星期一开会。", "" },
	{ 0, "第一年很艰难。", "" },
	{ 0, "他们同年龄。", "" },
	{ 0, "请在15日内答复。", "" },
	{ 0, "乘坐3号线到5号楼。", "" },
	{ 0, "历经2000年风雨。", "" },
	{ 0, "这个王朝持续了1000年。", "" },
	{ 0, "距今1800年的遗址。", "" },
	{ 0, "2019-2020赛季，他打进20球。", "2019/2020 range" },
	/* Not dates: phone numbers, ports, builds, times, paths. */
	{ 0, "电话010-62751234。", "" },
	{ 0, "拨打400-810-2025咨询。", "" },
	{ 0, "服务监听端口8080。", "" },
	{ 0, "Build 1024 had 6763 glyphs; port 8080 was used.", "" },
	{ 0, "上午10:30开会。", "" },
	{ 0, "See https://example.org/2016/04/19/page.html for it.", "" },
	{ 0, "文件名是report-2019.pdf。", "" },
	{ 0, "图片_20231012093015.jpg", "" },
	{ 0, "编号20190419。", "" },
	{ 0, "分辨率1920x1080。", "" },
	{ 0, "汉字科技网版权所有 2005—2023", "" },
	{ 0, "© 2005-2023 Example Press", "" },
	{ 0, "Copyright 2019 Example Press. All rights reserved.", "" },
	{ 0, "版本V2.2016已发布。", "" },
	/* Not dates: impossible ones. */
	{ 0, "2月30日，会议召开。", "" },
	{ 0, "2019年2月29日，会议召开。", "" },
	{ 0, "2019年13月，会议召开。", "" },
	{ 0, "13月，会议召开。", "" },
	{ 0, "2016年4月31日，会议召开。", "" },
	{ 0, "2016-13-01 is not a day.", "" },
	{ 0, "On February 30, 2019 nothing happened.", "" },
	/* Relative words that are other words. */
	{ 0, "十月革命的影响。", "" },
	{ 0, "当年代表大会的影响。", "" },
	{ 0, "他们是同年级的学生。", "" },
};

/* The expression's text, its event and its line, for a few rows. */
static void
test_fields(void)
{
	const char *text = "标题\n\n"
	    "2020年1月，疫情暴发。1月4日上午，专家抵达。\n"
	    "\n1980年，GB 2312-1980发布；1981年5月1日起实施。\n";
	struct buffer *b = buffer_from_mem(text, strlen(text), NULL, NULL);
	struct doc *d = doc_new(b);
	struct timeline *t = timeline_new(d);
	size_t order[8];

	is_int(t->n, 4, "fields: four entries");
	if (t->n == 4) {
		is_str(t->entries[1].value, "2020-01-04TMO", "fields: value");
		is_str(t->entries[1].time, "MO", "fields: time");
		ok(!t->entries[1].citation, "fields: no citation");
		is_int(t->entries[1].line, 3, "fields: line");
		char *expr = xstrndup(text + t->entries[1].off,
		    t->entries[1].end - t->entries[1].off);

		is_str(expr, "1月4日上午",
		    "fields: time of day kept in the text");
		free(expr);
		is_str(t->entries[0].event, "疫情暴发",
		    "fields: the date that opens the sentence is trimmed");
		is_str(t->entries[1].event, "专家抵达", "fields: event");
		is_str(t->entries[2].event, "GB 2312-1980发布",
		    "fields: event split at ；");
		is_str(t->entries[3].event, "1981年5月1日起实施",
		    "fields: a date that runs on into its clause stays");
		is_int(t->entries[3].line, 5, "fields: line of the last");
		ok(!t->entries[0].caption, "fields: not a caption");
		timeline_sort_by_date(t, order);
		ok(order[0] == 2 && order[1] == 3 && order[2] == 0 &&
		    order[3] == 1, "sort by date");
	}
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
}

/* Sorting: coarser values first at the same start, then document order. */
static void
test_sort(void)
{
	const char *text = "2016年4月19日，甲。2016年，乙。2016年4月，丙。"
	    "2010年—2020年，丁。2016年，戊。20世纪，己。";
	struct buffer *b = buffer_from_mem(text, strlen(text), NULL, NULL);
	struct doc *d = doc_new(b);
	struct timeline *t = timeline_new(d);
	struct sbuf s = SBUF_INIT;
	size_t order[16], i;

	timeline_sort_by_date(t, order);
	for (i = 0; i < t->n && i < 16; i++)
		sbuf_printf(&s, "%s ", t->entries[order[i]].value);
	is_str(s.s, "19XX 2010/2020 2016 2016 2016-04 2016-04-19 ",
	    "sort: ranges by start, coarse first, ties in document order");
	ok(t->n == 6 && order[2] == 1 && order[3] == 4,
	    "sort: equal values keep document order");
	sbuf_free(&s);
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
}

/* A date whose clause holds nothing else takes the rest of the sentence. */
static void
test_event_rest(void)
{
	const char *text = "2020年1月20日，专家确认。"
	    "三天后，即1月23日，全市停运。";
	struct buffer *b = buffer_from_mem(text, strlen(text), NULL, NULL);
	struct doc *d = doc_new(b);
	struct timeline *t = timeline_new(d);

	ok(t->n == 3, "event rest: three entries");
	if (t->n == 3) {
		is_str(t->entries[1].value, "2020-01-23", "event rest: value");
		is_str(t->entries[1].event, "即1月23日，全市停运",
		    "event rest: the rest of the sentence");
		is_str(t->entries[2].event, "全市停运",
		    "event rest: the next date's own clause");
	}
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
}

/* A long sentence gives an event of at most 120 columns. */
static void
test_long_event(void)
{
	struct sbuf s = SBUF_INIT;
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	int i;

	sbuf_adds(&s, "2016年，");
	for (i = 0; i < 100; i++)
		sbuf_adds(&s, "很长");
	sbuf_adds(&s, "。");
	b = buffer_from_mem(s.s, s.len, NULL, NULL);
	d = doc_new(b);
	t = timeline_new(d);
	ok(t->n == 1 && strlen(t->entries[0].event) <= 60 * 3 + 3 &&
	    strstr(t->entries[0].event, "…") != NULL,
	    "a long event is cut at 120 columns with an ellipsis");
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	sbuf_free(&s);
}

/*
 * Malformed and cut input never crashes and never gives an entry that
 * reaches outside the text: every prefix of a text dense with date parts
 * (cut inside characters too), and random mixes of those parts with
 * invalid bytes.  Run under --enable-sanitizers this checks memory too.
 */
static void
test_robust(void)
{
	static const char *const parts[] = { "2016", "年", "月", "日", "号",
	    "至", "—", "-", "/", ".", "十", "二", "〇", "世纪", "年代", "当天",
	    "次年", "同月", "前", "后", "以来", "公元前", "上世纪", "April ",
	    "19", "3", " ", "the ", "late ", "1990s", "BC", "\xff", "\xe5",
	    "\n", "\n\n", "（", "）", "，", "。", "到", "将", "２０", "年底",
	    "s", "th century", "years later", "，", NULL };
	const char *dense = "公元前221年。2018年4月20日至5月2日，20世纪80年代"
	    "中期，次年6月1日上午，1974—1989年（1974—2023）April 20-21, 2018"
	    "; the late 1990s, 2016-04-19T10:30 两年后当天";
	size_t nparts, len, i, j, bad = 0, k;
	unsigned long seed = 12345;
	struct sbuf s = SBUF_INIT;

	for (nparts = 0; parts[nparts] != NULL; nparts++)
		continue;
	len = strlen(dense);
	for (i = 0; i <= len; i++) {
		struct buffer *b = buffer_from_mem(dense, i, NULL, NULL);
		struct doc *d = doc_new(b);
		struct timeline *t = timeline_new(d);

		for (k = 0; k < t->n; k++)
			if (t->entries[k].off >= t->entries[k].end ||
			    t->entries[k].end > b->len ||
			    t->entries[k].event == NULL)
				bad++;
		timeline_free(t);
		doc_free(d);
		buffer_free(b);
	}
	ok(bad == 0, "every prefix of a dense text: entries inside the text");
	for (i = 0; i < 400; i++) {
		struct buffer *b;
		struct doc *d;
		struct timeline *t;

		sbuf_reset(&s);
		for (j = 0; j < 40; j++) {
			seed = seed * 1103515245 + 12345;
			sbuf_adds(&s, parts[(seed >> 16) % nparts]);
		}
		b = buffer_from_mem(s.s, s.len, NULL, NULL);
		d = doc_new(b);
		t = timeline_new(d);
		for (k = 0; k < t->n; k++)
			if (t->entries[k].off >= t->entries[k].end ||
			    t->entries[k].end > b->len ||
			    strlen(t->entries[k].value) == 0)
				bad++;
		timeline_free(t);
		doc_free(d);
		buffer_free(b);
	}
	ok(bad == 0, "random mixes of date parts: entries inside the text");
	sbuf_free(&s);
}

/*
 * Many titles, links and plain dates in one block: citation() counts the
 * open 《 and [ forward through the block rather than from its start at
 * each date, and each date must still be told a citation or not.  A 《
 * right before the date and a 》 right after it are the edges of that
 * count.
 */
static void
test_citations_one_block(void)
{
	struct sbuf s = SBUF_INIT;
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	int p, bad = 0;

	for (p = 0; p < 300; p++)
		switch (p % 4) {
		case 0:
			sbuf_printf(&s, "《%d年%d月》出版。", 1900 + p,
			    1 + p % 12);
			break;
		case 1:
			sbuf_printf(&s, "%d年%d月，开工。", 1900 + p,
			    1 + p % 12);
			break;
		case 2:
			sbuf_printf(&s, "见[%d年%d月](u)。", 1900 + p,
			    1 + p % 12);
			break;
		default:
			sbuf_printf(&s, "据《报告》，%d年%d月完工。",
			    1900 + p, 1 + p % 12);
			break;
		}
	sbuf_adds(&s, "\n");
	b = buffer_from_mem(s.s, s.len, NULL, NULL);
	d = doc_new(b);
	t = timeline_new(d);
	is_int(t->n, 300, "citations in one block: one entry a sentence");
	for (p = 0; p < 300 && (size_t)p < t->n; p++)
		if (t->entries[p].citation != (p % 4 == 0 || p % 4 == 2))
			bad++;
	is_int(bad, 0, "citations in one block: each told apart");
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	sbuf_free(&s);
}

/*
 * The bytes citation() counts: only 《 and 》 among the CJK marks that
 * share their first byte (E3: 「」。、), a 》 with none open, a newline
 * that ends a [ but not a 《.  Each text's first entry, citation or not.
 */
static void
test_citation_marks(void)
{
	static const struct {
		const char *text;
		int citation;
	} marks[] = {
		{ "「见」。、2019年5月，开工。", 0 },
		{ "》》2019年5月，开工。", 0 },
		{ "》《2019年5月》出版。", 1 },
		{ "《》2019年5月，开工。", 0 },
		{ "《报告，见\n于2019年5月》出版。", 1 },
		{ "[见\n2019年5月](u)。", 0 },
		{ "[见」2019年5月](u)。", 1 },
		{ "《《报告》2019年5月》出版。", 1 },
		{ "《报告》》2019年5月，开工。", 0 },
	};
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		b = buffer_from_mem(marks[i].text, strlen(marks[i].text), NULL,
		    NULL);
		d = doc_new(b);
		t = timeline_new(d);
		ok(t->n >= 1 && t->entries[0].citation == marks[i].citation,
		    "citation marks: %s", marks[i].text);
		timeline_free(t);
		doc_free(d);
		buffer_free(b);
	}
}

int
main(void)
{
	size_t i;
	char *got;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		got = tl_check_render(rows[i].text, rows[i].doc_year, 0);
		is_str(got, rows[i].want, "%s", rows[i].text);
		free(got);
	}
	test_fields();
	test_sort();
	test_long_event();
	test_event_rest();
	test_robust();
	test_citations_one_block();
	test_citation_marks();
	return done_testing();
}

/*
 * buffer-detect.c - which encoding a text that is not UTF-8 is in.
 *
 * Legacy CJK encodings overlap: nearly every Big5 or Shift_JIS text is
 * also valid GB18030, and EUC-JP and EUC-KR text often is, so a decoder
 * that reads the bytes without error proves nothing.  The choice is made
 * on a sample (the first SAMPLE_PIECE bytes and as many from the middle,
 * each cut after a line end, so that a large file costs no more than a
 * small one): uchardet, whose statistical models know the character
 * distributions of these encodings, names a candidate; then the sample is
 * decoded through each candidate family, and the family whose text is the
 * most plausible wins, uchardet's by a small margin (UCHARDET_BONUS).
 * Plausibility is the mean of a weight per character: frequent
 * characters of Chinese, Japanese and Korean text score, characters that
 * mojibake produces (private use, unassigned, controls, half-width
 * katakana, extension ideographs, U+FFFD) cost.  The frequent characters
 * are a few hundred each of Chinese (simplified and traditional), Japanese
 * kanji and hangul syllables, held as a bitmap over U+4E00..U+D7A3 built
 * once from the strings below; all hiragana counts as frequent.
 *
 * A family has a narrow name and a wide decoder: Shift_JIS text is decoded
 * with CP932 (which reads 0x5C as a backslash, as browsers do, and has the
 * NEC and IBM extensions), EUC-KR with CP949, Big5 with Big5-HKSCS when the
 * sample needs it; the narrow name is reported when the sample decodes in
 * the narrow form, the wide one otherwise.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>
#include <unictype.h>

#include "buffer-int.h"
#include "juan/util.h"

#define SAMPLE_PIECE ((size_t)128 << 10)	/* bytes from each place */
#define UNICODE_HEAD ((size_t)64 << 10)		/* bytes tried as UTF-16/32 */
#define UCHARDET_BONUS 0.1
#define MIN_SCORE 0.25	/* a best candidate below this is refused, */
#define MIN_NAMED 0.0	/* unless uchardet named it and it scores this */

/*
 * Frequent characters: the most common few hundred of modern Chinese
 * prose, their traditional forms, Japanese kanji that these miss, and
 * hangul syllables.  Written for this table; the exact choice matters
 * little, since mojibake lands on them about as often as chance does
 * while real text is mostly made of them.
 */
static const char frequent_zh[] =
	"的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就"
	"那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起"
	"还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老"
	"从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声"
	"全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走"
	"电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产"
	"入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活"
	"难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王"
	"果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛"
	"林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青"
	"管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武"
	"半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式"
	"李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友"
	"孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读"
	"志飞观争究包组造落视济喜离虽坏兴级害母装待终苦假讲低维乐奇急依罗"
	"素续坐照精仍亚刻拉云故春秋夏冬雨雪夜晚朝午床窗树草河湖桥街镇村县"
	"省楼屋墙船票饭菜茶酒肉米汤碗杯桌椅灯衣鞋帽箱纸笔课考试答案班朋哥"
	"姐妹爸妈爷奶婆叔姑孙童病医药休睡梦醒哭怕怒恨欢希忘念诉讨调查划规"
	"标准质环境源创络据府群众卫育艺序章节卷篇集尾";
static const char frequent_hant[] =
	"這來國個說們爲為時會過學對裏裡後麼沒於還發當無開見經頭從動兩長樣"
	"現將與進實點種聲話兒問機給幾業間電門東聽氣關並內卻軍產萬體別處總"
	"場師書員華報馬張難數車應計親務臺記邊風戰幹許覺題統請愛讓認論義術"
	"結連遠資隊帶條變聯權該領傳紅決達辦運強區轉眾衆輕語滿寫識極黃臉錢"
	"黨設雙歷廣議際則單據導網專誰讀飛觀爭組視濟離雖壞興級裝終講維樂羅"
	"續亞雲樹橋鎮縣樓牆飯麵湯燈紙筆課試媽爺孫醫藥夢歡訴討調劃規標準質"
	"環創絡農群衛藝節著";
static const char frequent_ja[] =
	"私彼僕君奥様込頃駅読聞食飲買売歩帰働町川田円気楽寝味違届払渡座咲"
	"散続沿坂宿婦寺島県晴昼夕顔耳足髪姿左右木土曜週毎番号短古黒赤暗弱"
	"軽遅広狭悪良供婚仕葉関係映画旅料窓森桜星景変驚悲寂静配勉練習説紹"
	"介談約束返備注";
static const char frequent_ko[] =
	"이다는의에하고가을지로기서한사자리아대도나수시어정인여부게보해라있"
	"그일거면제전상적과주와스들요내했장만우소니문원조것중동신경성구국무"
	"세계생비유식관방연오실개위공화학마않습까치회진단데할모물금발선때말"
	"두저속날람히본된러안터바음며던았었겠운심통명처은점야래를너당께럼큼"
	"록으려였네예늘각얼굴눈손집길불밥옷돈책글간막함혼버머친교산강꽃달별"
	"밤침녁름겨울봄작큰많좋새같른없되싶알르받먹살죽웃앉걷뛰읽쓰듣끝";

#define FREQ_FIRST 0x4e00
#define FREQ_LAST 0xd7a3
static unsigned char freq_bits[(FREQ_LAST - FREQ_FIRST) / 8 + 1];
static pthread_once_t freq_once = PTHREAD_ONCE_INIT;

static void
freq_add(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t c;

	while (i < n) {
		i += (size_t)util_u8_next(s + i, n - i, &c);
		if (c >= FREQ_FIRST && c <= FREQ_LAST)
			freq_bits[(c - FREQ_FIRST) / 8] |=
			    (unsigned char)(1u << ((c - FREQ_FIRST) % 8));
	}
}

static void
freq_init(void)
{
	freq_add(frequent_zh);
	freq_add(frequent_hant);
	freq_add(frequent_ja);
	freq_add(frequent_ko);
}

static int
freq_has(uint32_t c)
{
	return c >= FREQ_FIRST && c <= FREQ_LAST &&
	    (freq_bits[(c - FREQ_FIRST) / 8] >> ((c - FREQ_FIRST) % 8)) & 1;
}

/* Punctuation of CJK text outside the CJK Symbols block. */
static int
cjk_punct(uint32_t c)
{
	static const uint32_t marks[] = { 0x2014, 0x2018, 0x2019, 0x201c,
	    0x201d, 0x2026, 0xff01, 0xff08, 0xff09, 0xff0c, 0xff0e, 0xff1a,
	    0xff1b, 0xff1f };
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (c == marks[i])
			return 1;
	return 0;
}

/*
 * A character's weight, or 2 for white space, which is not counted (text
 * and mojibake share it).  The ranges are tested in order.
 */
static double
weight(uint32_t c)
{
	static const struct {
		uint32_t lo, hi;
		double w;
	} ranges[] = {
		{ 0x21, 0x7e, 0.5 },		/* printable ASCII */
		{ 0x80, 0x9f, -4 },		/* C1 controls */
		{ 0x3000, 0x303f, 1 },		/* CJK symbols, 、。「」 */
		{ 0x3041, 0x309f, 1 },		/* hiragana */
		{ 0x3400, 0x4dbf, -1 },		/* extension A */
		{ 0xe000, 0xf8ff, -4 },		/* private use */
		{ 0xf900, 0xfaff, -1 },		/* compatibility ideographs */
		{ 0xff61, 0xff9f, -1 },		/* half-width katakana */
		{ 0xfffd, 0xfffd, -4 },		/* a replaced sequence */
		{ 0x20000, 0x3ffff, -1 },	/* extensions B and later */
		{ 0xf0000, 0x10ffff, -4 },	/* private use */
	};
	size_t i;

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return 2;
	if (freq_has(c) || cjk_punct(c))
		return 1;
	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (c >= ranges[i].lo && c <= ranges[i].hi)
			return ranges[i].w;
	if (uc_is_general_category(c, UC_CATEGORY_Cc) ||
	    uc_is_general_category(c, UC_CATEGORY_Cn))
		return -4;		/* other controls, unassigned */
	return 0;
}

double
buffer_plausibility(const char *s, size_t n)
{
	size_t i = 0, counted = 0;
	double sum = 0, w;
	uint32_t c;

	pthread_once(&freq_once, freq_init);
	while (i < n) {
		i += (size_t)util_u8_next(s + i, n - i, &c);
		if ((w = weight(c)) > 1.5)
			continue;
		sum += w;
		counted++;
	}
	return counted > 0 ? sum / (double)counted : 0;
}

/*
 * Decodes s[0..n) through `decoder` (not strictly) and returns the
 * plausibility of the text, or -100 when the decoder is unknown or more
 * than a few sequences in a thousand characters are invalid.
 */
static double
score(const char *s, size_t n, const char *decoder, size_t unit)
{
	size_t len = 0, invalid = 0;
	char *out = buffer_iconv(s, n, decoder, unit, 0, &len, &invalid);
	double sc;

	if (out == NULL)
		return -100;
	sc = invalid > 2 + len / 3000 ? -100 : buffer_plausibility(out, len);
	free(out);
	return sc;
}

/*
 * Tells whether s[0..n) decodes through `from` without one error.  glibc's
 * EUC-KR decoder passes some bytes of CP949's extension (0x81..0xA0) on
 * without a word, so for it the test is of the bytes: EUC-KR has none.
 */
static int
decodes(const char *s, size_t n, const char *from)
{
	size_t len = 0, invalid = 0, i;
	char *out;

	if (strcmp(from, "EUC-KR") == 0) {
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] >= 0x80 &&
			    (unsigned char)s[i] <= 0xa0)
				return 0;
		return 1;
	}
	out = buffer_iconv(s, n, from, 1, 1, &len, &invalid);
	free(out);
	return out != NULL;
}

int
buffer_detect_unicode(const char *s, size_t n, struct buffer_enc *e)
{
	static const struct buffer_enc forms[] = {
		{ "UTF-32LE", "UTF-32LE", NULL, 4, "" },
		{ "UTF-32BE", "UTF-32BE", NULL, 4, "" },
		{ "UTF-16LE", "UTF-16LE", NULL, 2, "" },
		{ "UTF-16BE", "UTF-16BE", NULL, 2, "" },
	};
	size_t i, best = 0, head = n < UNICODE_HEAD ? n : UNICODE_HEAD;
	double sc, top = -100;

	head -= head % 4;
	if (head == 0)
		return 0;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		sc = score(s, head, forms[i].decoder, forms[i].unit);
		if (sc > top) {
			top = sc;
			best = i;
		}
	}
	/* Binary data decodes into controls and unassigned code points. */
	if (top < 0.2)
		return 0;
	*e = forms[best];
	return 1;
}

/*
 * The candidate families.  A sample is scored through the wide decoder;
 * the narrow name is kept when the sample also decodes strictly through
 * the narrow decoder.
 */
struct family {
	const char *name;	/* the narrow form's name, also its decoder */
	const char *decoder;	/* what the narrow form is decoded with */
	const char *wide;	/* the wide form's name and decoder */
	const char *aliases;	/* uchardet's names for it, |-separated */
};

static const struct family families[] = {
	{ "GB18030", "GB18030", NULL, "|GB18030|GB2312|GBK|EUC-CN|" },
	{ "BIG5", "BIG5", "BIG5-HKSCS", "|BIG5|BIG5-HKSCS|CP950|" },
	{ "SHIFT_JIS", "CP932", "CP932", "|SHIFT_JIS|CP932|SJIS|" },
	{ "EUC-JP", "EUC-JP", "EUC-JP-MS", "|EUC-JP|" },
	{ "EUC-KR", "CP949", "CP949", "|EUC-KR|UHC|CP949|" },
	{ "UTF-16LE", "UTF-16LE", NULL, "|" },
	{ "UTF-16BE", "UTF-16BE", NULL, "|" },
};
#define NFAMILIES (sizeof families / sizeof families[0])
#define FAMILY_UTF16 5

/* The index of uchardet's answer among the families, or -1. */
static int
family_of(const char *charset)
{
	char key[64];
	size_t i;

	if (strlen(charset) + 3 > sizeof key || *charset == '\0')
		return -1;
	snprintf(key, sizeof key, "|%s|", charset);
	for (i = 0; i < NFAMILIES; i++)
		if (strcasestr(families[i].aliases, key) != NULL)
			return (int)i;
	return -1;
}

/* The length of s[0..n) up to its last line end, or n when it has none. */
static size_t
line_cut(const char *s, size_t n)
{
	const char *p = memrchr(s, '\n', n);

	return p != NULL ? (size_t)(p - s) + 1 : n;
}

/*
 * The sample: the whole text when it is short, else its first
 * SAMPLE_PIECE bytes and as many from a line start in the middle, each
 * cut after a line end (a '\n' byte is never part of a character in the
 * legacy encodings).  *own says whether the sample was allocated.
 */
static const char *
sample_of(const char *s, size_t n, size_t *len, int *own)
{
	const char *mid;
	size_t a, b;
	char *out;

	*own = 0;
	if (n <= 2 * SAMPLE_PIECE) {
		*len = n;
		return s;
	}
	a = line_cut(s, SAMPLE_PIECE);
	mid = memchr(s + n / 2, '\n', SAMPLE_PIECE);
	mid = mid != NULL ? mid + 1 : s + n / 2;
	b = line_cut(mid, SAMPLE_PIECE);
	out = xmalloc(a + b);
	memcpy(out, s, a);
	memcpy(out + a, mid, b);
	*len = a + b;
	*own = 1;
	return out;
}

/* uchardet's answer for the sample, copied, or NULL. */
static char *
ask_uchardet(const char *s, size_t n)
{
	uchardet_t ud = uchardet_new();
	const char *cs;
	char *answer = NULL;

	if (ud == NULL)
		return NULL;
	if (uchardet_handle_data(ud, s, n) == 0) {
		uchardet_data_end(ud);
		cs = uchardet_get_charset(ud);
		if (cs != NULL && *cs != '\0')
			answer = xstrdup(cs);
	}
	uchardet_delete(ud);
	return answer;
}

/*
 * Scores uchardet's answer when it is none of the families (a single-byte
 * encoding such as WINDOWS-1252 or KOI8-R): it wins only on its merits.
 */
static double
score_other(const char *s, size_t n, const char *answer)
{
	if (answer == NULL || family_of(answer) >= 0 ||
	    strncasecmp(answer, "UTF-", 4) == 0 ||
	    strcasecmp(answer, "ASCII") == 0)
		return -100;
	return score(s, n, answer, 1);
}

int
buffer_detect_legacy(const char *s, size_t n, int single_byte,
    struct buffer_enc *e)
{
	const char *smp;
	char *answer;
	size_t len, i, u16 = n < SAMPLE_PIECE ? n : SAMPLE_PIECE;
	double sc, top = -100, named_sc = -100;
	int own, best = -1, named;

	smp = sample_of(s, n, &len, &own);
	answer = ask_uchardet(smp, len);
	named = answer != NULL ? family_of(answer) : -1;
	for (i = 0; i < NFAMILIES; i++) {
		const struct family *f = &families[i];

		/* UTF-16 needs the text from its start, whole units. */
		if (i >= FAMILY_UTF16)
			sc = n % 2 != 0 ? -100 :
			    score(s, u16 - u16 % 2, f->decoder, 2);
		else
			sc = score(smp, len, f->wide != NULL ? f->wide :
			    f->decoder, 1);
		if ((int)i == named)
			named_sc = sc += UCHARDET_BONUS;
		if (sc > top) {
			top = sc;
			best = (int)i;
		}
	}
	/* Plausible text, or uchardet's choice where it is not absurd. */
	if (top < MIN_SCORE)
		best = named >= 0 && named_sc >= MIN_NAMED ? named : -1;
	sc = single_byte ? score_other(smp, len, answer) : -100;
	if (sc >= MIN_SCORE && (best < 0 || sc > top)) {
		snprintf(e->other, sizeof e->other, "%s", answer);
		e->decoder = e->name = e->other;
		e->wide = NULL;
		e->unit = 1;
		best = -2;
	} else if (best >= 0) {
		const struct family *f = &families[best];

		e->unit = best >= (int)FAMILY_UTF16 ? 2 : 1;
		e->wide = NULL;
		if (f->wide == NULL || decodes(smp, len, f->name)) {
			e->name = f->name;
			e->decoder = f->decoder;
			e->wide = f->wide;
		} else
			e->name = e->decoder = f->wide;
	}
	free(answer);
	if (own)
		free((char *)smp);
	return best != -1;
}

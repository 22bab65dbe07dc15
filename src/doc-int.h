/*
 * doc-int.h - the stages of the document model, and what they share.
 *
 * doc_new() (doc.c) runs a pipeline whose files say the stage:
 *
 *   doc-lex.c      the line lexer: byte tests, numerals, dates, and the
 *                  classification of one line (struct line);
 *   doc-meta.c     the title (pass 1: find it; pass 3: its site suffix),
 *                  the lines that repeat it, and the document date;
 *   doc-gather.c   pass 2: lines into blocks, captions after figures,
 *                  split in two halves on a large text;
 *   doc-heading.c  pass 3: which candidates are headings, their levels;
 *                  pass 4: the sections;
 *   doc-hints.c    passes 2 to 4 from the format stage's hints
 *                  (doc_new_hints()).
 *
 * They share the construction state (struct build) and the per-block
 * evidence of pass 2 (struct binfo), which live only while doc_new()
 * runs.
 */
#ifndef JUAN_DOC_INT_H
#define JUAN_DOC_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include "juan/doc.h"


/* A line this long (bytes) is not hard-wrapped text: it ends a block. */
#define LONG_LINE	320
/* Lines longer than this (bytes) are not figures or boilerplate. */
#define SHORT_BYTES	480
/* A caption shown by a credit, and one shown only by a date (columns). */
#define CAPTION_MAX_COLS	240
#define DATE_CAPTION_MAX_COLS	120
/* How many blocks at the top of the document may hold a dateline. */
#define DATELINE_BLOCKS	12
/* Levels beyond this are folded into it. */
#define MAX_LEVEL	6
/* A run-in heading is at most this long (columns). */
#define RUN_IN_MAX_COLS	64
/* A heading marked only by indentation is at most this long (columns). */
#define INDENT_HEADING_MAX_COLS	40
/* A text line this long (bytes) counts for the body's indentation. */
#define BODY_MIN_BYTES	60

/* What a line looks like on its own. */
enum lclass {
	LC_BLANK,	/* only white space */
	LC_TEXT,	/* ordinary text */
	LC_SHORT,	/* short text: a title or plain heading candidate */
	LC_HEAD,	/* a heading candidate of a family */
	LC_LIST,	/* a list item */
	LC_FIGURE,	/* an image file name */
	LC_BOILER,	/* breadcrumb or footer links */
	LC_FENCE	/* the opening of a fenced code block */
};

/*
 * Heading families.  Levels follow the order in which the families first
 * appear, except that within one scheme (the numbering of Chinese and
 * English documents, or the two dash forms) a family known to be higher
 * is put first: rank() below.
 */
enum family {
	FAM_NONE,
	FAM_MD,		/* "# " .. "###### ", setext === and --- */
	FAM_PART,	/* 第一编 第一卷 第一部分, "Part 1" */
	FAM_CHAPTER,	/* 第一章 第一回 제1장, "Chapter 1" */
	FAM_SECTION,	/* 第一节 第1節 제1절, "Section 1" */
	FAM_ROMAN,	/* "I. " "IV. " */
	FAM_CN_CAP,	/* 壹、 貳、 */
	FAM_CN_NUM,	/* 一、 */
	FAM_CN_PAREN,	/* （一） */
	FAM_ARABIC,	/* 1. 1、 1． "1 引言" */
	FAM_DEC2,	/* 1.1 */
	FAM_DEC3,	/* 1.1.1 */
	FAM_DEC4,	/* 1.1.1.1 */
	FAM_AR_PAREN,	/* （1） */
	FAM_DASH_SUB,	/* phrase——subtitle */
	FAM_DASH_LEAD,	/* ——phrase */
	FAM_PLAIN,	/* a short line alone, followed by body text */
	FAM_IND1,	/* a short line alone, indented 2 full-width */
	FAM_IND2,	/* ... 3 */
	FAM_IND3,	/* ... 4 */
	FAM_IND4,	/* ... 5 or more (Aozora's sections) */
	FAM_COUNT
};

/* How a line ends, after closing quotes and brackets. */
enum lend {
	END_NONE,	/* a letter, digit or anything else */
	END_SENT_CJK,	/* 。！？…； (full-width) */
	END_SENT,	/* . ! ? ; */
	END_CONT,	/* ，、, : the sentence goes on */
	END_COLON	/* ：: */
};

#define LF_INDENT	0x01	/* starts with paragraph indentation */
#define LF_LONG		0x02	/* longer than LONG_LINE bytes */
#define LF_SINGLE	0x04	/* (binfo) the block is one line */
#define LF_DOTLIST	0x08	/* "1. " form: a list item if not a heading */
#define LF_HINTED	0x10	/* (binfo) a block the hints decided */
#define LF_RUNIN	0x20	/* a run-in heading: its first sentence */
#define LF_BLANK_BEFORE	0x40	/* (binfo) a blank line or the start before */
#define LF_BLANK_AFTER	0x80	/* (binfo) a blank line after */
/* Indentation is counted in units of one full-width space (2 columns). */
#define INDENT_UNITS	8

/* The classification of one line. */
struct line {
	enum lclass cls;
	enum family fam;
	int md;			/* '#' count of a Markdown heading */
	enum lend end;
	int flags;		/* LF_* */
	int indent;		/* leading white space, in INDENT units
				   (2 columns), at most INDENT_UNITS - 1 */
	size_t off, end_off;	/* the line without leading/trailing space */
	size_t text_off;	/* heading text without markers */
	size_t text_end;
	size_t cols;		/* approximate columns of [off, end_off),
				   0 when not measured (long lines) */
};

/* Pass-2 evidence kept per block until the decisions of pass 3. */
struct binfo {
	unsigned char kind;	/* enum block_kind, as in the block */
	unsigned char cls;	/* enum lclass of the first line */
	unsigned char fam;	/* enum family of a candidate heading */
	unsigned char md;	/* '#' count */
	unsigned char flags;	/* LF_SINGLE, LF_DOTLIST */
	/*
	 * What doc-toc.c asks of every block, answered by doc_toc_note()
	 * while its line is in the cache: after pass 2 the text is far
	 * from it, and reading one byte of each block costs a miss.
	 */
	unsigned char note;	/* NOTE_* of its first line */
	unsigned char tail;	/* enum lend of its last line, trimmed,
				   plus one; 0 when not known */
};

/*
 * binfo.note, what doc-toc.c's tests of the block's first line (or of a
 * block of one line) answer: ...
 */
#define NOTE_TOC	0x01	/* it names a table of contents */
#define NOTE_PAGE_NO	0x02	/* a page number that says so */
#define NOTE_INDENT	0x04	/* it starts with white space */
#define NOTE_PAGE_END	0x80	/* a page break or number */
/* ... its page-furniture shape as a middle block, plus one, in these
 * bits (0 when not known) ... */
#define NOTE_MID_SHIFT	3
#define NOTE_MID	(3 << NOTE_MID_SHIFT)
/* ... and, from pass 2, that the line has nothing to trim (white space,
 * an edit mark), and its words are set in ** or __ (doc_emphasized()). */
#define NOTE_PLAIN	0x20
#define NOTE_EMPH	0x40

/* A site-name suffix the title might carry: title = base SEP site. */
struct suffix {
	size_t base_off, base_end;	/* the title without it */
	size_t site_off, site_end;	/* the site name */
	int seen;			/* base appeared as a line of its own */
	size_t seen_off;		/* where it first did */
};

#define MAX_SUFFIXES	8

/* An entry of a numbered table of contents ("2.1 古代"). */
struct toc_entry {
	size_t off, end;		/* its words, the numbering cut */
	int depth;			/* 1 for "2", 2 for "2.1", ... */
};

/* The state of the construction. */
struct build {
	struct doc *d;
	const char *s;			/* the text */
	size_t cap;			/* blocks allocated */
	struct binfo *bi;		/* nblocks evidence records */
	ssize_t title_line;		/* 0-based line of the title, or -1 */
	struct line title;		/* its classification */
	struct suffix suf[MAX_SUFFIXES];
	size_t nsuf;
	int title_seen;			/* the whole title was repeated */
	size_t indent_hist[INDENT_UNITS]; /* body lines by indentation */
	ssize_t title_more;		/* the title's second line's block,
					   or -1 */
	size_t rsite_off, rsite_end;	/* the site of a later line that is
					   the title with a suffix; empty
					   when none was seen */
	struct toc_entry *toc;		/* ntoc numbered entries of the
					   tables of contents, owned */
	size_t ntoc, toc_cap;
};

/* Byte tests.  STARTS compares with a literal of known length inline. */

#define STARTS(s, n, lit) ((n) >= sizeof(lit) - 1 &&			\
	memcmp((s), (lit), sizeof(lit) - 1) == 0)

/* doc.c: the construction, and setting a block's kind and text. */

struct doc *doc_build_start(struct build *b, const struct buffer *buf);
void doc_build_end(struct build *b);

void doc_set_kind(struct build *b, size_t i, enum block_kind kind);
void doc_set_text(const char *s, struct block *k, size_t off, size_t end);
void doc_text_first_line(struct build *b, size_t i);
size_t doc_line_end(const struct buffer *buf, size_t i);

/*
 * doc-lex.c: the line lexer.  These are the literal, numeral and date
 * helpers of the document model; a lexer shared with the timeline may
 * take their place.
 */

int doc_lex_starts(const char *s, size_t n, const char *lit);
int doc_lex_contains(const char *s, size_t n, const char *lit);
int doc_lex_starts_any(const char *s, size_t n, const char *const *lits);
int doc_lex_contains_any(const char *s, size_t n, const char *const *lits);
size_t doc_lex_cols(const char *s, size_t n);
void doc_lex_trim(const char *s, size_t *off, size_t *end);
void doc_lex_drop_edit_mark(const char *s, size_t *off, size_t *end);
enum lend doc_lex_line_end(const char *s, size_t n);
size_t doc_lex_parse_date(const char *s, size_t n, int partial, int eight,
    int *y, int *m, int *dd);
int doc_lex_starts_with_date(const char *s, size_t n);
int doc_lex_setext(const char *s, size_t off, size_t end);
int doc_lex_fence(const char *s, size_t off, size_t end, char *ch,
    size_t *len);
int doc_lex_fence_closes(const char *s, size_t off, size_t end, char ch,
    size_t len);
/* Page furniture (doc-marks.c): each tests one trimmed line s[0..n). */
int doc_marks_figure(const char *s, size_t n);
int doc_marks_breadcrumb(const char *s, size_t n);
int doc_marks_footer(const char *s, size_t n);
/* One pass over a short line: its columns, whether it has a breadcrumb's
 * separator (*sep) and whether a footer's mark (*foot). */
void doc_marks_scan(const char *s, size_t n, size_t *cols_out, int *sep,
    int *foot);

void doc_lex_classify(const char *s, size_t off, size_t end, size_t maxcols,
    struct line *l);
/* Words that start a byline or a source line, not a heading. */
extern const char *const doc_lex_bylines[];

/* doc-meta.c: the title and the date. */

void doc_meta_find_title(struct build *b);
int doc_meta_repeats_title(struct build *b, const struct line *l);
void doc_meta_title_md(struct build *b);
void doc_meta_subtitle(struct build *b);
void doc_meta_aozora(struct build *b);
void doc_meta_title_text(struct build *b);
void doc_meta_date(struct build *b);
void doc_meta_file_title(struct doc *d);

/* doc-gather.c: pass 2. */

void doc_gather(struct build *b);
void doc_gather_lines(struct build *b, size_t from, size_t to);
size_t doc_gather_add(struct build *b, size_t off, size_t end,
    enum block_kind kind, const struct line *l);

/* doc-toc.c: pass 3, before the headings: contents and page breaks. */

void doc_toc_find(struct build *b);
void doc_toc_page_joins(struct build *b);
void doc_toc_levels(struct build *b);
/* Sets bi[i].note from block i's text as it is now. */
void doc_toc_note(struct build *b, size_t i);

/* doc-inject.c: after the title, the site's name in the body. */

void doc_inject_find(struct doc *d);

/* Finds the ranges the reader hides (doc-hidden.c). */
void doc_hidden_build(struct doc *d);

/* doc-heading.c: passes 3 and 4. */

void doc_heading_decide(struct build *b);
void doc_heading_sections(struct build *b);
int doc_emphasized(const char *t, size_t n);

#endif

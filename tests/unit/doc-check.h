/* doc-check.h - what the document model's unit tests share. */
#ifndef JUAN_DOC_CHECK_H
#define JUAN_DOC_CHECK_H

#include <stddef.h>

#include "juan/doc.h"

/*
 * Builds the model of the text s[0..n) (UTF-8 unless detected otherwise).
 * The buffer under it is kept until the next call or doc_check_done();
 * the caller frees the model with doc_free().
 */
struct doc *doc_check_model(const char *s, size_t n);
#define MODEL(lit) doc_check_model((lit), sizeof(lit) - 1)

/* Frees the buffer of the last doc_check_model(). */
void doc_check_done(void);

/*
 * What a test compares, each in a static buffer that the next call of
 * the same function overwrites: the kinds of all blocks, space-separated;
 * the section titles, joined by '|'; the text of block i and its kind
 * ("(none)" past the last block).
 */
const char *doc_check_kinds(const struct doc *d);
const char *doc_check_titles(const struct doc *d);
const char *doc_check_text(const struct doc *d, size_t i);
const char *doc_check_kind(const struct doc *d, size_t i);

#endif

/*
 * buffer-map.c - a file's bytes mapped into memory, and SIGBUS caught.
 *
 * A mapping is a read-only private view of a regular file, len bytes,
 * followed by at least one zero byte: the kernel zeroes the rest of the
 * file's last page, and an anonymous page reserved after it holds the
 * zero when len is a multiple of the page size, so data[len] == '\0' as
 * for a buffer read into memory.  Each live mapping's file pages are
 * listed in a small table of slots (start and end addresses, atomics that
 * the signal handler reads without a lock; a mutex orders only the
 * threads that add and remove them).
 *
 * A file truncated while mapped turns every access past its new end into
 * SIGBUS.  The handler (on_bus) looks the faulting address up in the
 * table: inside a mapping, it maps anonymous zero pages over the rest of
 * that mapping (MAP_FIXED, so the address stays the same), sets a flag
 * that buffer_map_truncated() reports, and returns, and the access is
 * made again and reads zeros.  Any other SIGBUS is not ours: the
 * disposition found when the handler was installed is put back and the
 * fault happens again under it (or the signal is raised again when it
 * was sent rather than caused).
 *
 * buffer_release() gives pages of a mapping back (MADV_DONTNEED): they
 * were never written, so the next read maps the file's page again from
 * the kernel's cache, and a pass over a large file holds only the pages
 * it has not yet released rather than the whole file.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "juan/buffer.h"
#include "juan/util.h"

#define MAP_SLOTS 16

struct buffer_map {
	char *addr;		/* the file's first byte */
	size_t len;		/* bytes of the file mapped */
	size_t span;		/* bytes reserved at addr */
	int slot;		/* in slots[], or -1 */
};

static struct {
	atomic_uintptr_t start;	/* 0: the slot is free */
	atomic_uintptr_t end;
} slots[MAP_SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int truncated;
static atomic_int installed;
static struct sigaction old_bus;
static uintptr_t page_size;

static void
on_bus(int sig, siginfo_t *si, void *ctx)
{
	uintptr_t a = (uintptr_t)si->si_addr, s, e, page;
	int i, saved = errno;

	(void)ctx;
	for (i = 0; si->si_code > 0 && i < MAP_SLOTS; i++) {
		s = atomic_load(&slots[i].start);
		e = atomic_load(&slots[i].end);
		if (s == 0 || a < s || a >= e)
			continue;
		page = a & ~(page_size - 1);
		if (mmap((void *)page, e - page, PROT_READ,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
		    MAP_FAILED)
			break;
		atomic_store(&truncated, 1);
		errno = saved;
		return;
	}
	/* Not a mapping of ours: as if this handler had not been there. */
	sigaction(sig, &old_bus, NULL);
	atomic_store(&installed, 0);
	if (si->si_code <= 0)
		raise(sig);
	errno = saved;
}

void
buffer_map_signals(void)
{
	struct sigaction sa, cur;

	if (page_size == 0)
		page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
	/* Installed already and still on top: keep what it chains to. */
	if (sigaction(SIGBUS, NULL, &cur) == 0 &&
	    (cur.sa_flags & SA_SIGINFO) && cur.sa_sigaction == on_bus)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_bus;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, &old_bus) == 0)
		atomic_store(&installed, 1);
}

int
buffer_map_truncated(void)
{
	return atomic_load(&truncated);
}

void
buffer_map_reset_truncated(void)
{
	atomic_store(&truncated, 0);
}

/* Lists m in a free slot; without one it stays unlisted (slot -1). */
static void
slot_add(struct buffer_map *m)
{
	int i;

	m->slot = -1;
	pthread_mutex_lock(&slots_lock);
	for (i = 0; i < MAP_SLOTS; i++)
		if (atomic_load(&slots[i].start) == 0) {
			atomic_store(&slots[i].end, (uintptr_t)m->addr +
			    (m->span - page_size));
			atomic_store(&slots[i].start, (uintptr_t)m->addr);
			m->slot = i;
			break;
		}
	pthread_mutex_unlock(&slots_lock);
}

struct buffer_map *
buffer_map_fd(int fd, size_t len)
{
	struct buffer_map *m;
	void *base, *file;
	size_t span;

	if (len == 0)
		return NULL;
	buffer_map_signals();
	if (!atomic_load(&installed))
		return NULL;
	span = (len + page_size - 1) / page_size * page_size + page_size;
	if (span < len)
		return NULL;
	base = mmap(NULL, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	file = mmap(base, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
	if (file == MAP_FAILED) {
		munmap(base, span);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->addr = base;
	m->len = len;
	m->span = span;
	slot_add(m);
	if (m->slot < 0) {
		/* Unlisted, a truncation could not be caught: no mapping. */
		munmap(base, span);
		free(m);
		return NULL;
	}
	return m;
}

const char *
buffer_map_data(const struct buffer_map *m)
{
	return m->addr;
}

size_t
buffer_map_len(const struct buffer_map *m)
{
	return m->len;
}

void
buffer_map_free(struct buffer_map *m)
{
	if (m == NULL)
		return;
	if (m->slot >= 0) {
		pthread_mutex_lock(&slots_lock);
		atomic_store(&slots[m->slot].start, 0);
		atomic_store(&slots[m->slot].end, 0);
		pthread_mutex_unlock(&slots_lock);
	}
	munmap(m->addr, m->span);
	free(m);
}

void
buffer_map_release(const struct buffer_map *m, size_t off, size_t end)
{
	/*
	 * The pages are the file's, private and never written (or the zero
	 * pages put over a truncated file's end, which read as zeros again):
	 * dropping them loses nothing.
	 */
	if (m != NULL && end <= m->len && off < end)
		util_release(m->addr + off, end - off);
}

void
buffer_release(const struct buffer *b, size_t off, size_t end)
{
	const struct buffer_map *m = b->priv;
	size_t at;

	if (!b->mapped || end > b->len || off >= end)
		return;
	at = (size_t)(b->data - m->addr);
	buffer_map_release(m, at + off, at + end);
}

void
buffer_release_behind(const struct buffer *b, size_t *rel, size_t off)
{
	if (off < *rel || off - *rel < 2 * BUFFER_RELEASE_STEP)
		return;
	buffer_release(b, *rel, off - BUFFER_RELEASE_STEP);
	*rel = off - BUFFER_RELEASE_STEP;
}

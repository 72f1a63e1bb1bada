/*
 * glibc's fts (musl has none): the FTS and FTSENT layouts of
 * include/lx/fts.h, walked the way fts(3) describes (preorder FTS_D,
 * postorder FTS_DP, FTS_DNR/FTS_NS/FTS_DC/FTS_SL/FTS_SLNONE, fts_set,
 * compar ordering).  The walk never changes directory: every entry's
 * fts_accpath is its fts_path, valid from the guest's working directory,
 * as glibc gives it under FTS_NOCHDIR.  Paths go through the
 * personality's open and fstatat (the reroot).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lx/fts.h"
#include "shim/gnu.h"

extern int lx_fstatat(int, const char *, struct lx_stat *, int);

typedef int (*compar_fn)(const LX_FTSENT **, const LX_FTSENT **);

/* What fts_open returns: the guest-visible FTS first. */
struct fts {
	LX_FTS pub;
	compar_fn compar;
};

#define SET(sp, f)	((sp)->pub.fts_options & (f))

static int
get_stat(const char *path, struct lx_stat *st, int follow)
{
	int fl = follow ? 0 : AT_SYMLINK_NOFOLLOW;

	return lx_fstatat(AT_FDCWD, path, st, fl);
}

/* A new entry for name under parent (NULL: a root, whose path is name
 * and whose fts_name is its last component, as glibc gives it). */
static LX_FTSENT *
new_entry(const LX_FTSENT *parent, const char *name, size_t namelen)
{
	size_t plen = 0, head, stoff, len;
	const char *base = name;
	LX_FTSENT *p;

	if (parent == NULL) {
		const char *slash = memrchr(name, '/', namelen);
		if (slash) {
			plen = (size_t)(slash + 1 - name);
			base = slash + 1;
			namelen -= plen;
		}
	} else {
		plen = parent->fts_pathlen;
		if (plen > 0 && parent->fts_path[plen - 1] == '/')
			plen--;
		plen++;
	}
	head = offsetof(LX_FTSENT, fts_name) + namelen + 1;
	stoff = (head + 15) & ~(size_t)15;
	len = plen + namelen;
	if (len > 0xffff) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	p = calloc(1, stoff + sizeof(struct lx_stat) + len + 1);
	if (p == NULL)
		return NULL;
	memcpy(p->fts_name, base, namelen);
	p->fts_namelen = (unsigned short)namelen;
	p->fts_statp = (struct lx_stat *)((char *)p + stoff);
	p->fts_path = (char *)p->fts_statp + sizeof(struct lx_stat);
	if (parent) {
		memcpy(p->fts_path, parent->fts_path, plen - 1);
		p->fts_path[plen - 1] = '/';
	} else {
		memcpy(p->fts_path, name, plen);
	}
	memcpy(p->fts_path + plen, base, namelen);
	p->fts_pathlen = (unsigned short)len;
	p->fts_accpath = p->fts_path;
	p->fts_instr = LX_FTS_NOINSTR;
	p->fts_symfd = -1;
	return p;
}

static int
is_dot(const char *name)
{
	return name[0] == '.' && (name[1] == 0 ||
	    (name[1] == '.' && name[2] == 0));
}

/* stat p and say what it is (fts_info). */
static unsigned short
fts_stat(struct fts *sp, LX_FTSENT *p, int follow)
{
	struct lx_stat *st = p->fts_statp;

	if (SET(sp, LX_FTS_LOGICAL) || follow) {
		if (get_stat(p->fts_accpath, st, 1) < 0) {
			if (errno == ENOENT &&
			    get_stat(p->fts_accpath, st, 0) == 0) {
				p->fts_errno = 0;
				return LX_FTS_SLNONE;
			}
			goto fail;
		}
	} else if (get_stat(p->fts_accpath, st, 0) < 0) {
		goto fail;
	}
	if (S_ISDIR(st->st_mode)) {
		p->fts_dev = st->st_dev;
		p->fts_ino = st->st_ino;
		p->fts_nlink = st->st_nlink;
		if (is_dot(p->fts_name))
			return LX_FTS_DOT;
		for (LX_FTSENT *t = p->fts_parent;
		    t && t->fts_level >= LX_FTS_ROOTLEVEL; t = t->fts_parent)
			if (t->fts_ino == st->st_ino &&
			    t->fts_dev == st->st_dev) {
				p->fts_cycle = t;
				return LX_FTS_DC;
			}
		return LX_FTS_D;
	}
	if (S_ISLNK(st->st_mode))
		return LX_FTS_SL;
	return S_ISREG(st->st_mode) ? LX_FTS_F : LX_FTS_DEFAULT;
fail:
	p->fts_errno = errno;
	memset(st, 0, sizeof *st);
	return LX_FTS_NS;
}

static void
free_list(LX_FTSENT *p)
{
	while (p) {
		LX_FTSENT *next = p->fts_link;
		free(p);
		p = next;
	}
}

/* Sorts the list head of n entries with the guest's compar. */
static LX_FTSENT *
sort_list(struct fts *sp, LX_FTSENT *head, int n)
{
	LX_FTSENT **a;

	if (sp->compar == NULL || n < 2)
		return head;
	a = realloc(sp->pub.fts_array, (size_t)n * sizeof *a);
	if (a == NULL)
		return head;
	sp->pub.fts_array = a;
	sp->pub.fts_nitems = n;
	for (int i = 0; head; head = head->fts_link)
		a[i++] = head;
	qsort(a, (size_t)n, sizeof *a,
	    (int (*)(const void *, const void *))sp->compar);
	for (int i = 0; i < n - 1; i++)
		a[i]->fts_link = a[i + 1];
	a[n - 1]->fts_link = NULL;
	return a[0];
}

static DIR *
open_dir(const char *path)
{
	int fd = LX_PATHCALL(open)(path, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	if ((d = fdopendir(fd)) == NULL)
		close(fd);
	return d;
}

/* Should a child of this d_type be left unstat'ed (FTS_NOSTAT)? */
static int
no_stat(struct fts *sp, const struct dirent *de, long nlinks)
{
	if (nlinks == 0)
		return 1;
	return SET(sp, LX_FTS_NOSTAT) && SET(sp, LX_FTS_PHYSICAL) &&
	    de->d_type != DT_DIR && de->d_type != DT_UNKNOWN;
}

/* The children of cur, sorted; NULL when none (errno 0) or on error. */
static LX_FTSENT *
build(struct fts *sp, LX_FTSENT *cur, int nameonly)
{
	LX_FTSENT *head = NULL, *tail = NULL, *p;
	long nlinks = -1;
	struct dirent *de;
	int n = 0, err;
	DIR *d;

	if ((d = open_dir(cur->fts_accpath)) == NULL) {
		if (!nameonly) {
			cur->fts_info = LX_FTS_DNR;
			cur->fts_errno = errno;
		}
		return NULL;
	}
	if (nameonly)
		nlinks = 0;
	else if (SET(sp, LX_FTS_NOSTAT) && SET(sp, LX_FTS_PHYSICAL))
		nlinks = (long)cur->fts_nlink -
		    (SET(sp, LX_FTS_SEEDOT) ? 0 : 2);
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (!SET(sp, LX_FTS_SEEDOT) && is_dot(de->d_name))
			continue;
		if ((p = new_entry(cur, de->d_name, strlen(de->d_name))) ==
		    NULL)
			goto fail;
		p->fts_level = (short)(cur->fts_level + 1);
		p->fts_parent = cur;
		if (no_stat(sp, de, nlinks)) {
			p->fts_info = LX_FTS_NSOK;
		} else {
			p->fts_info = fts_stat(sp, p, 0);
			if (nlinks > 0 && (p->fts_info == LX_FTS_D ||
			    p->fts_info == LX_FTS_DC ||
			    p->fts_info == LX_FTS_DOT))
				nlinks--;
		}
		if (tail)
			tail->fts_link = p;
		else
			head = p;
		tail = p;
		n++;
	}
	closedir(d);
	if (n == 0) {
		if (!nameonly)
			cur->fts_info = LX_FTS_DP;
		errno = 0;
		return NULL;
	}
	return sort_list(sp, head, n);
fail:
	err = errno;
	closedir(d);
	free_list(head);
	sp->pub.fts_options |= LX_FTS_STOP;
	errno = err;
	return NULL;
}

LX_FTS *
lx_fts_open(char *const *argv, int options, compar_fn compar)
{
	LX_FTSENT *root = NULL, *tail = NULL, *p, *parent = NULL;
	struct fts *sp;
	int n = 0;

	if (options & ~LX_FTS_OPTIONMASK) {
		errno = EINVAL;
		return NULL;
	}
	if ((sp = calloc(1, sizeof *sp)) == NULL)
		return NULL;
	sp->compar = compar;
	sp->pub.fts_compar = (int (*)(const void *, const void *))compar;
	sp->pub.fts_options = options | (options & LX_FTS_LOGICAL ?
	    LX_FTS_NOCHDIR : 0);
	sp->pub.fts_rfd = -1;
	if ((parent = new_entry(NULL, "", 0)) == NULL)
		goto fail;
	parent->fts_level = LX_FTS_ROOTPARENTLEVEL;
	for (; *argv; argv++, n++) {
		size_t len = strlen(*argv);

		if (len == 0) {
			errno = ENOENT;
			goto fail;
		}
		if ((p = new_entry(NULL, *argv, len)) == NULL)
			goto fail;
		p->fts_level = LX_FTS_ROOTLEVEL;
		p->fts_parent = parent;
		p->fts_info = fts_stat(sp, p, options & LX_FTS_COMFOLLOW);
		if (p->fts_info == LX_FTS_DOT)
			p->fts_info = LX_FTS_D;
		if (tail)
			tail->fts_link = p;
		else
			root = p;
		tail = p;
	}
	root = sort_list(sp, root, n);
	parent->fts_link = root;
	parent->fts_info = LX_FTS_INIT;
	sp->pub.fts_cur = parent;
	return &sp->pub;
fail:
	free_list(root);
	free(parent);
	free(sp->pub.fts_array);
	free(sp);
	return NULL;
}

static LX_FTSENT *
enter(struct fts *sp, LX_FTSENT *p)
{
	if (p->fts_level == LX_FTS_ROOTLEVEL)
		sp->pub.fts_dev = p->fts_dev;
	return sp->pub.fts_cur = p;
}

/* Past p: its next sibling, or its parent in postorder, or the end. */
static LX_FTSENT *
advance(struct fts *sp, LX_FTSENT *p)
{
	LX_FTSENT *tmp;

	while ((tmp = p, p = p->fts_link) != NULL) {
		sp->pub.fts_cur = p;
		if (tmp->fts_level >= LX_FTS_ROOTLEVEL)
			free(tmp);
		if (p->fts_instr == LX_FTS_SKIP)
			continue;
		if (p->fts_instr == LX_FTS_FOLLOW) {
			p->fts_info = fts_stat(sp, p, 1);
			p->fts_instr = LX_FTS_NOINSTR;
		}
		return enter(sp, p);
	}
	p = tmp->fts_parent;
	sp->pub.fts_cur = p;
	free(tmp);
	if (p->fts_level == LX_FTS_ROOTPARENTLEVEL) {
		free(p);
		sp->pub.fts_cur = NULL;
		errno = 0;
		return NULL;
	}
	p->fts_info = p->fts_errno ? LX_FTS_ERR : LX_FTS_DP;
	return p;
}

LX_FTSENT *
lx_fts_read(LX_FTS *pub)
{
	struct fts *sp = (struct fts *)pub;
	LX_FTSENT *p = pub->fts_cur, *kids;
	int instr;

	if (p == NULL || SET(sp, LX_FTS_STOP))
		return NULL;
	instr = p->fts_instr;
	p->fts_instr = LX_FTS_NOINSTR;
	if (p->fts_info == LX_FTS_INIT) {
		p->fts_info = 0;	/* its fts_link is the walk now */
		free_list(pub->fts_child);
		pub->fts_child = NULL;
	}
	if (instr == LX_FTS_AGAIN) {
		p->fts_info = fts_stat(sp, p, 0);
		return p;
	}
	if (instr == LX_FTS_FOLLOW && (p->fts_info == LX_FTS_SL ||
	    p->fts_info == LX_FTS_SLNONE)) {
		p->fts_info = fts_stat(sp, p, 1);
		if (p->fts_info == LX_FTS_D)
			p->fts_flags |= LX_FTS_SYMFOLLOW;
		return p;
	}
	if (p->fts_info != LX_FTS_D)
		return advance(sp, p);
	if (instr == LX_FTS_SKIP || (SET(sp, LX_FTS_XDEV) &&
	    p->fts_dev != pub->fts_dev)) {
		free_list(pub->fts_child);
		pub->fts_child = NULL;
		p->fts_info = LX_FTS_DP;
		return p;
	}
	if (pub->fts_child && SET(sp, LX_FTS_NAMEONLY)) {
		pub->fts_options &= ~LX_FTS_NAMEONLY;
		free_list(pub->fts_child);
		pub->fts_child = NULL;
	}
	kids = pub->fts_child ? pub->fts_child : build(sp, p, 0);
	pub->fts_child = NULL;
	if (kids == NULL)
		return SET(sp, LX_FTS_STOP) ? NULL : p;
	return enter(sp, kids);
}

LX_FTSENT *
lx_fts_children(LX_FTS *pub, int instr)
{
	struct fts *sp = (struct fts *)pub;
	LX_FTSENT *p = pub->fts_cur;

	if (instr != 0 && instr != LX_FTS_NAMEONLY) {
		errno = EINVAL;
		return NULL;
	}
	errno = 0;
	if (p == NULL || SET(sp, LX_FTS_STOP))
		return NULL;
	if (p->fts_info == LX_FTS_INIT)
		return p->fts_link;
	if (p->fts_info != LX_FTS_D)
		return NULL;
	free_list(pub->fts_child);
	if (instr == LX_FTS_NAMEONLY)
		pub->fts_options |= LX_FTS_NAMEONLY;
	else
		pub->fts_options &= ~LX_FTS_NAMEONLY;
	pub->fts_child = build(sp, p, instr == LX_FTS_NAMEONLY);
	return pub->fts_child;
}

int
lx_fts_set(LX_FTS *sp, LX_FTSENT *p, int instr)
{
	(void)sp;
	if (instr != 0 && instr != LX_FTS_AGAIN && instr != LX_FTS_FOLLOW &&
	    instr != LX_FTS_NOINSTR && instr != LX_FTS_SKIP) {
		errno = EINVAL;
		return 1;	/* sic: glibc */
	}
	p->fts_instr = (unsigned short)instr;
	return 0;
}

int
lx_fts_close(LX_FTS *pub)
{
	LX_FTSENT *p = pub->fts_cur, *next;

	while (p && p->fts_level >= LX_FTS_ROOTLEVEL) {
		next = p->fts_link ? p->fts_link : p->fts_parent;
		free(p);
		p = next;
	}
	if (p && p->fts_info == LX_FTS_INIT)
		free_list(p->fts_link);
	free(p);
	free_list(pub->fts_child);
	free(pub->fts_array);
	free(pub);
	return 0;
}

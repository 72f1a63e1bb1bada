/*
 * Guest program for the user/host database tests: each command exercises
 * one database through glibc's API and prints what it sees, so that the
 * native glibc run (the oracle) and the shim run can be compared.
 *   utmp-make FILE EXTRA   write a test utmp file (raw records, then EXTRA
 *                          bytes of a partial record)
 *   utmp-dump FILE         print FILE's records (read raw)
 *   utmp FILE WTMP         the utmp/utmpx API over FILE, updwtmp on WTMP
 *   utmp-default           the default files (/var/run/utmp, /var/log/wtmp)
 *   netgroup GROUP...      enumerate groups, then innetgr queries
 *   aliases NAME...        enumerate /etc/aliases, then look NAMEs up
 *   ttys NAME...           enumerate /etc/ttys, then getttynam
 *   ruserok SUPER LUSER    ruserok_af/ruserok/iruserok cases
 *   b64                    __b64_ntop/__b64_pton vectors
 */
#define _GNU_SOURCE
#include <aliases.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ttyent.h>
#include <unistd.h>
#include <utmp.h>
#include <utmpx.h>

int __b64_ntop(const unsigned char *, size_t, char *, size_t);
int __b64_pton(const char *, unsigned char *, size_t);

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static void print_ut(const char *tag, const struct utmp *u)
{
	if (!u) {
		printf("%s: NULL errno=%d\n", tag, errno);
		return;
	}
	printf("%s: type=%d pid=%d line=%.32s id=%.4s user=%.32s "
	       "host=%.256s exit=%d/%d sess=%d tv=%d.%d addr=%x\n", tag,
	       u->ut_type, u->ut_pid, u->ut_line, u->ut_id, u->ut_user,
	       u->ut_host, u->ut_exit.e_termination, u->ut_exit.e_exit,
	       u->ut_session, u->ut_tv.tv_sec, u->ut_tv.tv_usec,
	       u->ut_addr_v6[0]);
}

static struct utmp rec(short type, int pid, const char *line,
	const char *id, const char *user)
{
	struct utmp u;

	memset(&u, 0, sizeof u);
	u.ut_type = type;
	u.ut_pid = pid;
	strncpy(u.ut_line, line, sizeof u.ut_line);
	strncpy(u.ut_id, id, sizeof u.ut_id);
	strncpy(u.ut_user, user, sizeof u.ut_user);
	snprintf(u.ut_host, sizeof u.ut_host, "host-%d", pid);
	u.ut_tv.tv_sec = 1700000000 + pid;
	u.ut_tv.tv_usec = pid;
	u.ut_session = pid * 2;
	u.ut_addr_v6[0] = htonl(0x7f000001);
	return u;
}

static int utmp_make(const char *file, int extra)
{
	struct utmp r[] = {
		rec(BOOT_TIME, 0, "~", "~~", "reboot"),
		rec(RUN_LVL, 53, "~", "~~", "runlevel"),
		rec(INIT_PROCESS, 100, "tty1", "1", ""),
		rec(LOGIN_PROCESS, 101, "tty2", "2", "LOGIN"),
		rec(USER_PROCESS, 102, "pts/1", "ts/1", "alice"),
		rec(DEAD_PROCESS, 103, "pts/2", "ts/2", ""),
		rec(USER_PROCESS, 104, "pts/3", "", "bob"),
		rec(USER_PROCESS, 105, "tty3", "3", "carol"),
	};
	char junk[384] = "partial";
	int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, r, sizeof r) != sizeof r ||
	    write(fd, junk, extra) != extra)
		return 1;
	return close(fd);
}

static int utmp_dump(const char *file)
{
	struct utmp u;
	int fd = open(file, O_RDONLY), n = 0;
	ssize_t got;
	char tag[32];

	if (fd < 0)
		return 1;
	while ((got = read(fd, &u, sizeof u)) == sizeof u) {
		snprintf(tag, sizeof tag, "rec%d", n++);
		print_ut(tag, &u);
		printf("  reserved=%02x%02x\n",
		       (unsigned char)u.__glibc_reserved[0],
		       (unsigned char)u.__glibc_reserved[19]);
	}
	printf("tail=%zd size=%ld\n", got, (long)lseek(fd, 0, SEEK_END));
	close(fd);
	return 0;
}

/* Walk the whole file with getutent, then the _r form. */
static void utmp_walk(void)
{
	struct utmp *u, buf;
	int n;

	setutent();
	while ((u = getutent()))
		print_ut("getutent", u);
	errno = 0;
	print_ut("getutent-end", getutent());
	setutent();
	while ((n = getutent_r(&buf, &u)) == 0)
		printf("getutent_r %d %.32s same=%d\n", n, u->ut_line,
		       u == &buf);
	printf("getutent_r-end %d %d errno=%d\n", n, u == NULL, errno);
}

static void utmp_search(void)
{
	struct utmp k, *u, buf;
	short bad[] = { EMPTY, ACCOUNTING, 42 };

	setutent();
	k = rec(RUN_LVL, 0, "", "", "");
	print_ut("getutid-runlvl", getutid(&k));
	k = rec(USER_PROCESS, 0, "nope", "ts/1", "");
	print_ut("getutid-id", getutid(&k));
	k = rec(DEAD_PROCESS, 0, "pts/3", "", "");
	print_ut("getutid-line", getutid(&k));
	k = rec(INIT_PROCESS, 0, "tty1", "1", "");
	errno = 0;
	print_ut("getutid-behind", getutid(&k));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		k.ut_type = bad[i];
		errno = 0;
		print_ut("getutid-bad", getutid(&k));
	}
	setutent();
	k = rec(USER_PROCESS, 0, "tty2", "", "");
	print_ut("getutline-login", getutline(&k));
	k = rec(USER_PROCESS, 0, "pts/2", "", "");
	errno = 0;
	print_ut("getutline-dead", getutline(&k));
	setutent();
	k = rec(USER_PROCESS, 0, "tty3", "", "");
	printf("getutline_r %d\n", getutline_r(&k, &buf, &u));
	print_ut("getutline_r", u);
	k = rec(RUN_LVL, 0, "", "", "");
	printf("getutid_r %d\n", getutid_r(&k, &buf, &u));
	print_ut("getutid_r", u);
}

static void utmp_write(void)
{
	struct utmp k, *u, *r;

	setutent();
	u = getutent();
	k = *u;
	strcpy(k.ut_user, "booted");
	setutent();
	errno = 0;
	r = pututline(&k);
	printf("pututline-after-rewind same=%d errno=%d\n", r == &k, errno);
	k = rec(USER_PROCESS, 200, "pts/9", "ts/9", "dave");
	r = pututline(&k);
	printf("pututline-new same=%d\n", r == &k);
	k = rec(DEAD_PROCESS, 102, "pts/1", "ts/1", "");
	setutent();
	print_ut("getutid-before", getutid(&k));
	r = pututline(&k);
	printf("pututline-dead same=%d\n", r == &k);
	k = rec(USER_PROCESS, 300, "pts/1", "", "erin");
	r = pututline(&k);
	printf("pututline-noid same=%d\n", r == &k);
	print_ut("getutent-after", getutent());
	endutent();
	print_ut("getutent-reopen", getutent());
	endutent();
}

static void utmpx_api(const char *file)
{
	struct utmpx k, *x;
	struct utmp u;
	int n = 0;

	printf("utmpxname %d\n", utmpxname(file));
	setutxent();
	while ((x = getutxent()))
		n++;
	printf("getutxent count %d\n", n);
	setutxent();
	memset(&k, 0, sizeof k);
	k.ut_type = USER_PROCESS;
	strcpy(k.ut_id, "ts/9");
	x = getutxid(&k);
	printf("getutxid %s\n", x ? x->ut_user : "NULL");
	strcpy(k.ut_line, "tty3");
	setutxent();
	x = getutxline(&k);
	printf("getutxline %s\n", x ? x->ut_user : "NULL");
	k.ut_type = LOGIN_PROCESS;
	strcpy(k.ut_id, "9");
	strcpy(k.ut_line, "tty9");
	strcpy(k.ut_user, "LOGIN");
	printf("pututxline %d\n", pututxline(&k) == &k);
	memset(&u, 0xa5, sizeof u);
	k.__glibc_reserved[3] = 7;
	getutmp(&k, &u);
	print_ut("getutmp", &u);
	printf("  reserved %d %d\n", u.__glibc_reserved[0],
	       u.__glibc_reserved[3]);
	memset(&k, 0x5a, sizeof k);
	getutmpx(&u, &k);
	printf("getutmpx %d %.32s %d %d\n", k.ut_type, k.ut_line,
	       k.__glibc_reserved[0], k.__glibc_reserved[3]);
	endutxent();
}

static int utmp_api(const char *file, const char *wtmp)
{
	struct utmp w = rec(USER_PROCESS, 400, "pts/4", "ts/4", "frank");
	struct utmpx wx;

	printf("utmpname %d\n", utmpname(file));
	utmp_walk();
	utmp_search();
	utmp_write();
	utmp_walk();
	utmpx_api(file);
	updwtmp(wtmp, &w);
	memcpy(&wx, &w, sizeof wx);
	strcpy(wx.ut_user, "grace");
	updwtmpx(wtmp, &wx);
	errno = 0;
	updwtmp("/nonexistent/wtmp", &w);
	printf("updwtmp-missing errno=%d\n", errno);
	printf("utmpname-missing %d\n", utmpname("/nonexistent/utmp"));
	setutent();
	errno = 0;
	print_ut("getutent-missing", getutent());
	w = rec(USER_PROCESS, 1, "x", "x", "x");
	print_ut("pututline-missing", pututline(&w));
	endutent();
	return 0;
}

/* The default names, the "x" names, logwtmp (time masked). */
static int utmp_default(void)
{
	struct utmp *u;
	int n = 0;

	setutent();
	while ((u = getutent()))
		n++;
	printf("default utmp records %d\n", n);
	endutent();
	printf("utmpxname %d\n", utmpxname("/var/run/utmpx"));
	setutent();
	print_ut("via-utmpx-name", getutent());
	endutent();
	utmpname(_PATH_UTMP);
	logwtmp("pts/7", "henry", "remote.example");
	logwtmp("pts/7", "", "");
	u = &(struct utmp){ .ut_type = BOOT_TIME };
	updwtmp("/var/log/wtmpx", u);
	printf("logout pts/1 %d\n", logout("pts/1"));
	printf("logout nosuch %d\n", logout("nosuch"));
	return 0;
}

static int netgroup_cmd(int argc, char **argv)
{
	static const char *q[][4] = {
		{ "all", "hosta", NULL, NULL }, { "all", "HOSTA", NULL, NULL },
		{ "all", NULL, "bob", NULL }, { "all", NULL, "BOB", NULL },
		{ "all", "nosuch", "nobody", "x" }, { "wild", "a", "b", "c" },
		{ "users", "any", "carol", "Example.com" },
		{ "users", "any", "carol", "other" },
		{ "dash", "h", "u", "d" }, { "dash", "-", NULL, NULL },
		{ "loop1", "lh", NULL, NULL }, { "nosuch", NULL, NULL, NULL },
		{ "broken", "b1", NULL, NULL }, { "broken", "b2", NULL, NULL },
		{ "cont", "c2", "u2", NULL }, { "deep", NULL, "bob", NULL },
		{ "spaces", "sp", "su", "sd" }, { "", NULL, NULL, NULL },
		{ "missingsub", "x", NULL, NULL },
	};
	char *h, *u, *d;

	for (int i = 2; i < argc; i++) {
		int r = setnetgrent(argv[i]);

		printf("setnetgrent(%s) = %d\n", argv[i], r);
		while (getnetgrent(&h, &u, &d))
			printf("  (%s,%s,%s)\n", str(h), str(u), str(d));
		endnetgrent();
	}
	for (size_t i = 0; i < sizeof q / sizeof *q; i++)
		printf("innetgr(%s,%s,%s,%s) = %d\n", q[i][0], str(q[i][1]),
		       str(q[i][2]), str(q[i][3]),
		       innetgr(q[i][0], q[i][1], q[i][2], q[i][3]));
	printf("no setnetgrent: %d\n", getnetgrent(&h, &u, &d));
	setnetgrent("all");
	for (size_t len = 4; len <= 24; len += 10) {
		char buf[24];
		int r;

		errno = 0;
		r = getnetgrent_r(&h, &u, &d, buf, len);
		printf("getnetgrent_r %zu: %d errno=%d", len, r, errno);
		if (r == 1)
			printf(" (%s,%s,%s)", str(h), str(u), str(d));
		printf("\n");
	}
	endnetgrent();
	return 0;
}

static void print_alias(const char *tag, const struct aliasent *a)
{
	if (!a) {
		printf("%s: NULL\n", tag);
		return;
	}
	printf("%s: [%s] local=%d n=%zu:", tag, a->alias_name,
	       a->alias_local, a->alias_members_len);
	for (size_t i = 0; i < a->alias_members_len; i++)
		printf(" [%s]", a->alias_members[i]);
	printf("\n");
}

static int aliases_cmd(int argc, char **argv)
{
	struct aliasent *a, ent;
	char small[40], big[4096];
	int r;

	setaliasent();
	while ((a = getaliasent()))
		print_alias("getaliasent", a);
	endaliasent();
	for (int i = 2; i < argc; i++)
		print_alias(argv[i], getaliasbyname(argv[i]));
	setaliasent();
	errno = 0;
	r = getaliasent_r(&ent, small, sizeof small, &a);
	printf("small getaliasent_r %d %d\n", r, a != NULL);
	r = getaliasent_r(&ent, big, sizeof big, &a);
	printf("big getaliasent_r %d\n", r);
	print_alias("  ", a);
	while (getaliasent_r(&ent, big, sizeof big, &a) == 0)
		;
	errno = 0;
	r = getaliasent_r(&ent, big, sizeof big, &a);
	printf("end getaliasent_r %d %d\n", r, a != NULL);
	endaliasent();
	errno = 0;
	r = getaliasbyname_r("root", &ent, big, sizeof big, &a);
	printf("getaliasbyname_r root %d\n", r);
	print_alias("  ", a);
	errno = 0;
	r = getaliasbyname_r("nosuch", &ent, big, sizeof big, &a);
	printf("getaliasbyname_r nosuch %d %d\n", r, a != NULL);
	r = getaliasbyname_r("root", &ent, small, 8, &a);
	printf("getaliasbyname_r small %d %d\n", r, a != NULL);
	return 0;
}

static void print_tty(const char *tag, const struct ttyent *t)
{
	if (!t) {
		printf("%s: NULL\n", tag);
		return;
	}
	printf("%s: name=[%s] getty=[%s] type=[%s] status=%d window=[%s] "
	       "comment=[%s]\n", tag, str(t->ty_name), str(t->ty_getty),
	       str(t->ty_type), t->ty_status, str(t->ty_window),
	       str(t->ty_comment));
}

static int ttys_cmd(int argc, char **argv)
{
	struct ttyent *t;

	printf("setttyent %d\n", setttyent());
	while ((t = getttyent()))
		print_tty("getttyent", t);
	print_tty("after-end", getttyent());
	printf("endttyent %d %d\n", endttyent(), endttyent());
	for (int i = 2; i < argc; i++)
		print_tty(argv[i], getttynam(argv[i]));
	return 0;
}

static int ruserok_cmd(int argc, char **argv)
{
	static const char *c[][3] = {
		{ "localhost", "alice", "" }, { "localhost", "bob", "" },
		{ "localhost", "mallory", "" }, { "127.0.0.1", "carol", "" },
		{ "localhost", "dan", "" }, { "localhost", "erin", "" },
		{ "localhost", "ngu", "" }, { "nosuchhost.invalid", "a", "" },
		{ "127.0.0.2", "anyone", "" }, { "127.0.0.3", "anyone", "" },
		{ "localhost", "zed", "" },
	};
	int super = argc > 2 ? atoi(argv[2]) : 0;
	const char *luser = argc > 3 ? argv[3] : "root";
	uint32_t a = htonl(0x7f000001);

	for (size_t i = 0; i < sizeof c / sizeof *c; i++)
		printf("ruserok_af(%s,%d,%s,%s) = %d\n", c[i][0], super,
		       c[i][1], luser, ruserok_af(c[i][0], super, c[i][1],
		       luser, AF_INET));
	printf("ruserok = %d\n", ruserok("localhost", super, "alice", luser));
	printf("iruserok = %d\n", iruserok(a, super, "alice", luser));
	printf("iruserok_af = %d\n",
	       iruserok_af(&a, super, "alice", luser, AF_INET));
	return 0;
}

static int b64_cmd(void)
{
	static const char *enc[] = { "", "f", "fo", "foo", "foob", "fooba",
		"foobar", "\xff\xfe\x00\x01" };
	static const char *dec[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==",
		" Zm 9v\nYmFy ", "Zg", "Zg=", "Z===", "=", "Zh==", "Zm9=",
		"Zg== x", "Zg==  ", "Zg= =", "Zm9v!", "Zm9vYmFy====",
		"QUJD\tREVG", "////", "+/+/", "Zm8", "Zm9vYg" };
	char out[64];
	unsigned char bin[64];

	for (size_t i = 0; i < sizeof enc / sizeof *enc; i++) {
		size_t n = i == 7 ? 4 : strlen(enc[i]);

		for (size_t room = 0; room <= 10; room++) {
			memset(out, '#', sizeof out);
			int r = __b64_ntop((const unsigned char *)enc[i], n,
				out, room);
			printf("ntop %zu room %zu = %d [%.*s]\n", i, room, r,
			       r > 0 ? r : 0, out);
		}
	}
	for (size_t i = 0; i < sizeof dec / sizeof *dec; i++) {
		printf("pton [%s] null=%d", dec[i],
		       __b64_pton(dec[i], NULL, 0));
		for (size_t room = 0; room <= 8; room++) {
			memset(bin, 0xee, sizeof bin);
			int r = __b64_pton(dec[i], bin, room);

			printf(" %zu:%d=", room, r);
			for (int k = 0; k < r; k++)
				printf("%02x", bin[k]);
		}
		printf("\n");
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(cmd, "utmp-make") && argc == 4)
		return utmp_make(argv[2], atoi(argv[3]));
	if (!strcmp(cmd, "utmp-dump") && argc == 3)
		return utmp_dump(argv[2]);
	if (!strcmp(cmd, "utmp") && argc == 4)
		return utmp_api(argv[2], argv[3]);
	if (!strcmp(cmd, "utmp-default"))
		return utmp_default();
	if (!strcmp(cmd, "netgroup"))
		return netgroup_cmd(argc, argv);
	if (!strcmp(cmd, "aliases"))
		return aliases_cmd(argc, argv);
	if (!strcmp(cmd, "ttys"))
		return ttys_cmd(argc, argv);
	if (!strcmp(cmd, "ruserok"))
		return ruserok_cmd(argc, argv);
	if (!strcmp(cmd, "b64"))
		return b64_cmd();
	fprintf(stderr, "usage: dbtest COMMAND ARGS (see the source)\n");
	return 2;
}

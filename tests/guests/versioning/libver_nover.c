/*
 * The same interface as libver.c without symbol versions: programs linked
 * against this build carry unversioned references, and run against the
 * versioned build.
 */
int foo(int x);
int bar(void);
int vdata = -1;

int foo(int x) { return -x; }
int bar(void) { return -7; }

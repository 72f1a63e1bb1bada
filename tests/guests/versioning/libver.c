/*
 * Guest library with one function and one data object in two versions:
 * foo@VER_1 (adds one) and foo@@VER_2 (multiplies by 100); vdata@VER_1 = 1
 * and vdata@@VER_2 = 2. bar exists only in VER_1.
 */
int foo_v1(int x);
int foo_v2(int x);
int bar(void);
extern int vdata_v1, vdata_v2;

int foo_v1(int x) { return x + 1; }
int foo_v2(int x) { return x * 100; }
int bar(void) { return 7; }
int vdata_v1 = 1;
int vdata_v2 = 2;

__asm__(".symver foo_v1, foo@VER_1");
__asm__(".symver foo_v2, foo@@VER_2");
__asm__(".symver vdata_v1, vdata@VER_1");
__asm__(".symver vdata_v2, vdata@@VER_2");

/*
 * The full build of libmiss (version MISS_1): miss_a, miss_b (data) and
 * miss_present. The program is linked against this build.
 */
int miss_a(void);
int miss_present(void);
int miss_b = 5;

int miss_a(void) { return 1; }
int miss_present(void) { return 2; }

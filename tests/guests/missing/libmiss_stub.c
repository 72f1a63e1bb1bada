/*
 * The build of libmiss the program finds at run time: version MISS_1 still
 * exists, but only miss_present is in it.
 */
int miss_present(void);

int miss_present(void) { return 2; }

/* libmiss2, unversioned: miss_c and miss2_present. */
int miss_c(void);
int miss2_present(void);

int miss_c(void) { return 3; }
int miss2_present(void) { return 4; }

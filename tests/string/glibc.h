/*
 * glibc build of stringtest (the oracle): glibc's own functions, its
 * IFUNCs choosing for this CPU. There is one set of them: VARIANTS is 1.
 */
#ifndef STRINGTEST_GLIBC_H
#define STRINGTEST_GLIBC_H

#define VARIANTS		1
#define variant_use(i)		((void)(i), "glibc")

#endif

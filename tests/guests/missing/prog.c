/*
 * Imports miss_a@MISS_1, miss_b@MISS_1 (data) and miss_c (unversioned),
 * which the libraries found at run time lack: the loader must list all
 * three and exit 127 before anything of the program runs.
 */
#include <unistd.h>

int miss_a(void);
int miss_c(void);
int miss_present(void);
int miss2_present(void);
extern int miss_b;

__attribute__((constructor)) static void ctor(void)
{
	if (write(1, "constructor ran\n", 16) < 0)
		_exit(3);
}

int main(void)
{
	if (write(1, "main ran\n", 9) < 0)
		return 3;
	return miss_a() + miss_b + miss_c() + miss_present() + miss2_present();
}

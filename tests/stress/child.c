/*
 * stress: the program the stress program's forking thread executes. It
 * checks its own __thread data in its main thread and in one more thread,
 * prints its arguments and exits with status 7.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static __thread int c_init = 1234;
static __thread char c_text[16] = "child-tls";
static __thread long c_zero[4];

static int check(void)
{
	int bad = c_init != 1234 || strcmp(c_text, "child-tls") != 0;

	for (int i = 0; i < 4; i++)
		bad |= c_zero[i] != 0;
	c_init = 1;
	c_zero[2] = 5;
	return bad;
}

static void *thread(void *arg)
{
	(void)arg;
	return (void *)(long)check();
}

int main(int argc, char **argv)
{
	pthread_t t;
	void *r = (void *)1;
	int bad = check();

	if (pthread_create(&t, NULL, thread, NULL) != 0 ||
	    pthread_join(t, &r) != 0)
		bad = 1;
	printf("child:");
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf(", tls %s\n", bad || r ? "WRONG" : "ok");
	return 7;
}

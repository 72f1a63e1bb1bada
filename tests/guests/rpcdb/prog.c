/* The ONC RPC program database (/etc/rpc) that ss and lsof read. */
#include <netdb.h>
#include <stdio.h>

static void show(const char *what, const struct rpcent *r)
{
	printf("%s: %s %d", what, r ? r->r_name : "(none)",
		r ? r->r_number : 0);
	for (char **a = r ? r->r_aliases : NULL; a && *a; a++)
		printf(" %s", *a);
	printf("\n");
}

int main(void)
{
	int n = 0;

	show("100003", getrpcbynumber(100003));
	show("portmap", getrpcbyname("portmap"));
	show("nope", getrpcbyname("nope"));
	setrpcent(1);
	while (getrpcent())
		n++;
	endrpcent();
	printf("%d entries\n", n);
	return 0;
}

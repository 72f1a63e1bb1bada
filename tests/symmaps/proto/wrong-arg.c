/* A definition whose parameter disagrees with proto.symmap: must fail. */
int lx_proto_open(const char *path, long flags, ...)
{
	(void)path;
	return (int)flags;
}

/* A data object of another type than proto.symmap's: must fail. */
long lx_proto_stream;

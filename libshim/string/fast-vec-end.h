/* Undoes fast-vec.h, so the next width can be spelt. */
#undef V
#undef VT
#undef VALL
#undef FN
#undef VLOADU
#undef VLOADA
#undef VSTOREU
#undef VSTOREA
#undef VSET1
#undef VZERO
#undef VEQ
#undef VMIN
#undef VXOR
#undef VAND
#undef VMASK
#undef XLOADU
#undef XSTOREU

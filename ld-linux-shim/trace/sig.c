/*
 * The tracer's reading of a symmap signature, "RET (PARAMS)" as C spells
 * it, into the kind and size of the result and of each parameter, and of
 * those into libffi types. What it does not understand it refuses, naming
 * why; the binding is then left untraced.
 */
#ifndef SHIM_NO_TRACE

#include <string.h>

#include "trace.h"

/* Names in place, not pointers: no start-up relocations (tracing off
   costs nothing, not even those). */
struct tdef {
	char name[22];
	uint8_t kind, size;
};

/* Integer and pointer typedefs of glibc's prototypes (x86-64 sizes). */
static const struct tdef typedefs[] = {
	{ "size_t", K_UINT, 8 }, { "ssize_t", K_SINT, 8 },
	{ "__ssize_t", K_SINT, 8 }, { "off_t", K_SINT, 8 },
	{ "__off_t", K_SINT, 8 }, { "off64_t", K_SINT, 8 },
	{ "__off64_t", K_SINT, 8 }, { "loff_t", K_SINT, 8 },
	{ "__loff_t", K_SINT, 8 }, { "pid_t", K_SINT, 4 },
	{ "__pid_t", K_SINT, 4 }, { "uid_t", K_UINT, 4 },
	{ "__uid_t", K_UINT, 4 }, { "gid_t", K_UINT, 4 },
	{ "__gid_t", K_UINT, 4 }, { "id_t", K_UINT, 4 },
	{ "__id_t", K_UINT, 4 }, { "mode_t", K_OCT, 4 },
	{ "__mode_t", K_OCT, 4 }, { "socklen_t", K_UINT, 4 },
	{ "__socklen_t", K_UINT, 4 }, { "time_t", K_SINT, 8 },
	{ "__time_t", K_SINT, 8 }, { "clock_t", K_SINT, 8 },
	{ "clockid_t", K_SINT, 4 }, { "__clockid_t", K_SINT, 4 },
	{ "dev_t", K_UINT, 8 }, { "__dev_t", K_UINT, 8 },
	{ "ino_t", K_UINT, 8 }, { "ino64_t", K_UINT, 8 },
	{ "nfds_t", K_UINT, 8 }, { "key_t", K_SINT, 4 },
	{ "mqd_t", K_SINT, 4 }, { "wint_t", K_UINT, 4 },
	{ "wchar_t", K_SINT, 4 }, { "regoff_t", K_SINT, 4 },
	{ "__re_size_t", K_UINT, 4 }, { "reg_syntax_t", K_UINT, 8 },
	{ "pthread_t", K_UINT, 8 }, { "pthread_key_t", K_UINT, 4 },
	{ "tss_t", K_UINT, 4 }, { "nl_item", K_SINT, 4 },
	{ "error_t", K_SINT, 4 }, { "intmax_t", K_SINT, 8 },
	{ "uintmax_t", K_UINT, 8 }, { "intptr_t", K_SINT, 8 },
	{ "uintptr_t", K_UINT, 8 }, { "int8_t", K_SINT, 1 },
	{ "uint8_t", K_UINT, 1 }, { "int16_t", K_SINT, 2 },
	{ "uint16_t", K_UINT, 2 }, { "int32_t", K_SINT, 4 },
	{ "uint32_t", K_UINT, 4 }, { "int64_t", K_SINT, 8 },
	{ "uint64_t", K_UINT, 8 }, { "speed_t", K_UINT, 4 },
	{ "in_addr_t", K_UINT, 4 }, { "in_port_t", K_UINT, 2 },
	{ "sa_family_t", K_UINT, 2 }, { "eventfd_t", K_UINT, 8 },
	{ "useconds_t", K_UINT, 4 }, { "__useconds_t", K_UINT, 4 },
	{ "suseconds_t", K_SINT, 8 }, { "__suseconds_t", K_SINT, 8 },
	{ "rlim_t", K_UINT, 8 }, { "blkcnt_t", K_SINT, 8 },
	{ "fsblkcnt_t", K_UINT, 8 }, { "fsfilcnt_t", K_UINT, 8 },
	{ "wctype_t", K_UINT, 8 }, { "__rlimit_resource_t", K_SINT, 4 },
	{ "__itimer_which_t", K_SINT, 4 },
	{ "__priority_which_t", K_SINT, 4 },
	{ "__rusage_who_t", K_SINT, 4 }, { "idtype_t", K_SINT, 4 },
	{ "ACTION", K_SINT, 4 }, { "ns_sect", K_SINT, 4 },
	{ "_Bool", K_UINT, 1 }, { "bool", K_UINT, 1 },
	/* pointers under another name (va_list is an array: decays) */
	{ "locale_t", K_PTR, 8 }, { "__locale_t", K_PTR, 8 },
	{ "iconv_t", K_PTR, 8 }, { "timer_t", K_PTR, 8 },
	{ "res_state", K_PTR, 8 }, { "nl_catd", K_PTR, 8 },
	{ "wctrans_t", K_PTR, 8 }, { "va_list", K_PTR, 8 },
	{ "__gnuc_va_list", K_PTR, 8 }, { "__SOCKADDR_ARG", K_PTR, 8 },
	{ "__CONST_SOCKADDR_ARG", K_PTR, 8 },
	{ "__sighandler_t", K_PTR, 8 }, { "sighandler_t", K_PTR, 8 },
	{ "tss_dtor_t", K_PTR, 8 }, { "thrd_start_t", K_PTR, 8 },
};

ffi_type *trace_ffi_of(const struct targ *a)
{
	static ffi_type *const s[] = { NULL, &ffi_type_sint8,
		&ffi_type_sint16, NULL, &ffi_type_sint32, NULL, NULL, NULL,
		&ffi_type_sint64 };
	static ffi_type *const u[] = { NULL, &ffi_type_uint8,
		&ffi_type_uint16, NULL, &ffi_type_uint32, NULL, NULL, NULL,
		&ffi_type_uint64 };

	switch (a->kind) {
	case K_VOID:	return &ffi_type_void;
	case K_SINT:	return s[a->size];
	case K_UINT:
	case K_OCT:	return u[a->size];
	case K_DBL:	return &ffi_type_double;
	case K_FLT:	return &ffi_type_float;
	case K_LDBL:	return &ffi_type_longdouble;
	default:	return &ffi_type_pointer;
	}
}

/* A base type spelled with C's integer keywords ("long unsigned int"). */
static bool int_words(char *words[], unsigned n, struct targ *a)
{
	unsigned longs = 0, sgn = 1, size = 4;

	for (unsigned i = 0; i < n; i++) {
		if (!strcmp(words[i], "long"))
			longs++;
		else if (!strcmp(words[i], "unsigned"))
			sgn = 0;
		else if (!strcmp(words[i], "short"))
			size = 2;
		else if (!strcmp(words[i], "char"))
			size = 1;
		else if (strcmp(words[i], "signed") && strcmp(words[i], "int"))
			return false;
	}
	if (longs)
		size = 8;
	a->kind = sgn ? K_SINT : K_UINT;
	a->size = (uint8_t)size;
	return true;
}

/* Classify the base type in WORDS (qualifiers removed). */
static bool base_type(char *words[], unsigned n, struct targ *a,
	const char **why)
{
	size_t len;

	*why = "unknown type name";
	if (n == 1 && !strcmp(words[0], "void"))
		return a->kind = K_VOID, true;
	if (n == 1 && !strcmp(words[0], "double"))
		return a->kind = K_DBL, true;
	if (n == 1 && !strcmp(words[0], "float"))
		return a->kind = K_FLT, true;
	if (n == 2 && !strcmp(words[0], "long") && !strcmp(words[1], "double"))
		return a->kind = K_LDBL, true;
	if (!strcmp(words[0], "struct") || !strcmp(words[0], "union") ||
	    !strcmp(words[0], "complex") || !strcmp(words[0], "_Complex"))
		return *why = "aggregate by value", false;
	if (n == 2 && !strcmp(words[0], "enum")) {
		a->kind = K_SINT;
		a->size = 4;
		return true;
	}
	if (int_words(words, n, a))
		return true;
	if (n != 1)
		return false;
	for (size_t i = 0; i < sizeof typedefs / sizeof *typedefs; i++)
		if (!strcmp(typedefs[i].name, words[0])) {
			a->kind = typedefs[i].kind;
			a->size = typedefs[i].size;
			return true;
		}
	/* callback typedefs: __compar_fn_t, __ftw_func_t, ... */
	len = strlen(words[0]);
	if ((len > 5 && !strcmp(words[0] + len - 5, "_fn_t")) ||
	    (len > 7 && !strcmp(words[0] + len - 7, "_func_t")))
		return a->kind = K_PTR, true;
	return false;
}

/*
 * Classify one parameter or result type, S[0..N). WHY names what was not
 * understood. "..." is K_VOID with size 1.
 */
static bool classify(const char *s, size_t n, struct targ *a,
	const char **why, char *scratch, size_t scrsz)
{
	char *words[8], *w, *save = NULL;
	unsigned nw = 0, stars = 0;

	a->size = 8;
	while (n && (*s == ' '))
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 3 && !memcmp(s, "...", 3))
		return a->kind = K_VOID, a->size = 1, true;
	if (memchr(s, '(', n) || memchr(s, '[', n))
		return a->kind = K_PTR, true;
	if (n >= scrsz)
		return *why = "type too long", false;
	for (size_t i = 0, j = 0; i < n; i++) {
		if (s[i] == '*')
			stars++;
		else
			scratch[j++] = s[i];
		scratch[j] = 0;
	}
	for (w = strtok_r(scratch, " ", &save); w && nw < 8;
	     w = strtok_r(NULL, " ", &save))
		if (strcmp(w, "const") && strcmp(w, "volatile") &&
		    strcmp(w, "restrict") && strcmp(w, "__restrict"))
			words[nw++] = w;
	if (!nw || w)
		return *why = "unparsed type", false;
	if (stars) {
		a->kind = stars == 1 && nw == 1 && !strcmp(words[0], "char") ?
			K_STR : K_PTR;
		return true;
	}
	return base_type(words, nw, a, why);
}

/* Split "RET (PARAMS)" and classify everything into T. */
bool trace_parse_sig(const char *sig, struct tent *t, const char **why)
{
	char scratch[128];
	size_t len = strlen(sig), open = 0;
	const char *p, *end;
	int depth = 0;

	*why = "unparsed signature";
	if (!len || sig[len - 1] != ')')
		return false;
	for (size_t i = len; i-- > 0;) {
		depth += sig[i] == ')' ? 1 : sig[i] == '(' ? -1 : 0;
		if (!depth) {
			open = i;
			break;
		}
	}
	if (!open || memchr(sig, '(', open))
		return false;	/* no list, or a declarator we do not parse */
	if (!classify(sig, open, &t->ret, why, scratch, sizeof scratch) ||
	    (t->ret.kind == K_VOID && t->ret.size == 1))
		return false;
	t->nfixed = 0;
	t->var = V_NONE;
	for (p = sig + open + 1; p < sig + len - 1; p = end + 1) {
		depth = 0;
		for (end = p; end < sig + len - 1; end++) {
			depth += *end == '(' ? 1 : *end == ')' ? -1 : 0;
			if (!depth && *end == ',')
				break;
		}
		struct targ *a = &t->args[t->nfixed];

		if (!classify(p, (size_t)(end - p), a, why, scratch,
		    sizeof scratch))
			return false;
		if (a->kind == K_VOID && a->size == 1) {
			t->var = V_HEX1;	/* variadic; policy decides */
			break;
		}
		if (a->kind == K_VOID)
			continue;	/* "(void)" */
		if (++t->nfixed > MAXFIXED)
			return *why = "too many parameters", false;
	}
	return true;
}

#else
typedef int trace_compiled_out;
#endif

/* glibc's prototypes of the fortify entry points gnutest calls (no
 * include guard: included with different CHK_DECL definitions). */
CHK_DECL(void *, __memcpy_chk, (void *, const void *, size_t, size_t))
CHK_DECL(void *, __memset_chk, (void *, int, size_t, size_t))
CHK_DECL(void *, __mempcpy_chk, (void *, const void *, size_t, size_t))
CHK_DECL(char *, __strcpy_chk, (char *, const char *, size_t))
CHK_DECL(char *, __stpcpy_chk, (char *, const char *, size_t))
CHK_DECL(char *, __strcat_chk, (char *, const char *, size_t))
CHK_DECL(char *, __strncat_chk, (char *, const char *, size_t, size_t))
CHK_DECL(char *, __strncpy_chk, (char *, const char *, size_t, size_t))
CHK_DECL(int, __sprintf_chk, (char *, int, size_t, const char *, ...))
CHK_DECL(int, __snprintf_chk, (char *, size_t, int, size_t, const char *,
    ...))
CHK_DECL(int, __printf_chk, (int, const char *, ...))
CHK_DECL(int, __fprintf_chk, (FILE *, int, const char *, ...))
CHK_DECL(int, __asprintf_chk, (char **, int, const char *, ...))
CHK_DECL(ssize_t, __read_chk, (int, void *, size_t, size_t))
CHK_DECL(char *, __fgets_chk, (char *, size_t, int, FILE *))
CHK_DECL(char *, __getcwd_chk, (char *, size_t, size_t))
CHK_DECL(wchar_t *, __wmemcpy_chk, (wchar_t *, const wchar_t *, size_t,
    size_t))
CHK_DECL(wchar_t *, __wcscpy_chk, (wchar_t *, const wchar_t *, size_t))
CHK_DECL(long, __fdelt_chk, (long))
CHK_DECL(int, __open_2, (const char *, int))

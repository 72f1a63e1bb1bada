/*
 * glibc's iconv names and suffixes: the C locale's codeset name
 * ANSI_X3.4-1968 and other aliases, "" for the locale's charset,
 * //TRANSLIT and //IGNORE, unknown names, a character the target lacks.
 * Run natively and through the shim; the output must be the same.
 */
#include <iconv.h>
#include <stdio.h>
#include <errno.h>
#include <string.h>
int main(void)
{
	 const char *n[][2]={{"UTF-8","ANSI_X3.4-1968"},{"ANSI_X3.4-1968","UTF-8"},{"UTF-8//TRANSLIT","ISO-8859-1"},{"ASCII//TRANSLIT","UTF-8"},{"UTF-8//IGNORE","UTF-8"},{"US-ASCII","UTF-8"},{"ISO_646.IRV:1991","UTF-8"},{"CP1252","UTF-8"},{"WCHAR_T","UTF-8"},{"UCS-4LE","UTF-8"},{"UTF-16","UTF-8"},{"LATIN1","UTF-8"},{"ISO8859-1","UTF-8"},{"EUC-JP","UTF-8"},{"BOGUS","UTF-8"},{"","UTF-8"}};
 for(unsigned i=0;i<sizeof n/sizeof n[0];i++){ errno=0; iconv_t c=iconv_open(n[i][0],n[i][1]); printf("%s <- %s: %s %d\n",n[i][0],n[i][1],c==(iconv_t)-1?"fail":"ok",c==(iconv_t)-1?errno:0); if(c!=(iconv_t)-1) iconv_close(c);} 
 iconv_t c=iconv_open("ASCII//TRANSLIT","UTF-8"); char in[]="caf\xc3\xa9 x"; char out[64]; char *ip=in,*op=out; size_t il=strlen(in), ol=sizeof out; size_t r=iconv(c,&ip,&il,&op,&ol); *op=0; printf("translit r=%zd errno=%d out=[%s]\n",(ssize_t)r,errno,out);
 return 0;}

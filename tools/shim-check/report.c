/*
 * The three reports of shim-check: a terminal table, a JSON document and a
 * single self-contained HTML file (inline CSS and JS, sortable table with a
 * coverage bar per object, the --load result, and a details row of what is
 * missing or why the load failed).
 */
#include <stdio.h>
#include <string.h>

#include "shim-check.h"

const char *status_name(enum sc_status s)
{
	static const char *const names[] = {
		[SC_OK] = "ok", [SC_PARTIAL] = "partial",
		[SC_GLIBC] = "glibc", [SC_NOTELF] = "not-elf",
	};
	return names[s];
}

const char *where_name(enum sc_where w)
{
	static const char *const names[] = {
		[SC_BUILTIN] = "built-in", [SC_PREFIX] = "prefix",
		[SC_HOST] = "host", [SC_MISSING] = "missing",
	};
	return names[w];
}

static int checked(const struct sc_object *o)
{
	return o->status == SC_OK || o->status == SC_PARTIAL;
}

static bool load_bad(const struct sc_object *o)
{
	return o->load != SC_LOAD_NONE && o->load != SC_LOAD_OK;
}

/* The load result's detail: signal and/or message (static buffer). */
static const char *load_detail(const struct sc_object *o)
{
	static char buf[4200];

	if (o->load == SC_LOAD_CRASHED)
		snprintf(buf, sizeof buf, "%s%s%s",
			load_signal_name(o->load_signal),
			o->load_msg ? ": " : "",
			o->load_msg ? o->load_msg : "");
	else
		snprintf(buf, sizeof buf, "%s", o->load_msg ? o->load_msg : "");
	return buf;
}

static void summary_line(FILE *f, const struct sc_summary *s)
{
	fprintf(f, "%u objects: %u ok, %u partial (%u glibc skipped",
		s->objects, s->ok, s->partial, s->glibc);
	if (s->notelf)
		fprintf(f, ", %u not-elf", s->notelf);
	fprintf(f, ")\n");
	if (s->load)
		fprintf(f, "%u libraries loaded: %u ok, %u failed, %u crashed, "
			"%u timeout (%.1f s)\n", s->loaded, s->load_ok,
			s->load_failed, s->load_crashed, s->load_timeout,
			s->load_secs);
}

void report_table(FILE *f, struct sc_object **v, size_t n,
	const struct sc_summary *s)
{
	for (size_t i = 0; i < n; i++) {
		const struct sc_object *o = v[i];
		char cnt[32] = "-";

		if (checked(o))
			snprintf(cnt, sizeof cnt, "%u/%u", o->provided,
				o->total);
		if (s->load)
			fprintf(f, "%-8s %11s  %-7s  %s\n",
				status_name(o->status), cnt,
				load_name(o->load), o->path);
		else
			fprintf(f, "%-8s %11s  %s\n", status_name(o->status),
				cnt, o->path);
		if (load_bad(o))
			fprintf(f, "        load %-14s %s\n",
				load_name(o->load), load_detail(o));
		if (o->status != SC_PARTIAL)
			continue;
		for (size_t j = 0; j < o->missing.n; j++)
			fprintf(f, "        missing symbol      %s\n",
				o->missing.v[j]);
		for (size_t j = 0; j < o->unsupported.n; j++)
			fprintf(f, "        unsupported symbol  %s\n",
				o->unsupported.v[j]);
		for (size_t j = 0; j < o->nneeded; j++)
			if (o->needed[j].where == SC_MISSING)
				fprintf(f, "        missing library     %s\n",
					o->needed[j].name);
	}
	summary_line(f, s);
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_list(FILE *f, const struct sc_strlist *l)
{
	fputc('[', f);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			fputs(", ", f);
		json_str(f, l->v[i]);
	}
	fputc(']', f);
}

static void json_load(FILE *f, const struct sc_object *o)
{
	fprintf(f, ",\n     \"load\": {\"result\": \"%s\"",
		load_name(o->load));
	if (o->load == SC_LOAD_CRASHED)
		fprintf(f, ", \"signal\": \"%s\"",
			load_signal_name(o->load_signal));
	if (o->load_msg) {
		fputs(", \"message\": ", f);
		json_str(f, o->load_msg);
	}
	fprintf(f, ", \"seconds\": %.3f}", o->load_secs);
}

static void json_object(FILE *f, const struct sc_object *o)
{
	fputs("    {\"path\": ", f);
	json_str(f, o->path);
	fprintf(f, ", \"status\": \"%s\"", status_name(o->status));
	if (o->status != SC_NOTELF)
		fprintf(f, ", \"kind\": \"%s\"",
			o->is_lib ? "library" : "program");
	if (o->glibc_why) {
		fputs(", \"glibc_reason\": ", f);
		json_str(f, o->glibc_why);
	}
	fputs(",\n     \"needed\": [", f);
	for (size_t i = 0; i < o->nneeded; i++) {
		fputs(i ? ", {\"name\": " : "{\"name\": ", f);
		json_str(f, o->needed[i].name);
		fprintf(f, ", \"where\": \"%s\"",
			where_name(o->needed[i].where));
		if (o->needed[i].beside)
			fputs(", \"beside\": true", f);
		if (o->needed[i].found) {
			fputs(", \"path\": ", f);
			json_str(f, o->needed[i].found);
		}
		fputc('}', f);
	}
	fprintf(f, "],\n     \"imports\": {\"total\": %u, \"provided\": %u},\n"
		"     \"missing\": ", o->total, o->provided);
	json_list(f, &o->missing);
	fputs(",\n     \"unsupported\": ", f);
	json_list(f, &o->unsupported);
	if (o->load != SC_LOAD_NONE)
		json_load(f, o);
	fputs("}", f);
}

void report_json(FILE *f, struct sc_object **v, size_t n,
	const struct sc_summary *s)
{
	fputs("{\n  \"objects\": [\n", f);
	for (size_t i = 0; i < n; i++) {
		json_object(f, v[i]);
		fputs(i + 1 < n ? ",\n" : "\n", f);
	}
	fprintf(f, "  ],\n  \"summary\": {\"objects\": %u, \"ok\": %u, "
		"\"partial\": %u, \"glibc\": %u, \"not_elf\": %u",
		s->objects, s->ok, s->partial, s->glibc, s->notelf);
	if (s->load)
		fprintf(f, ",\n    \"load\": {\"libraries\": %u, \"ok\": %u, "
			"\"failed\": %u, \"crashed\": %u, \"timeout\": %u, "
			"\"seconds\": %.3f}", s->loaded, s->load_ok,
			s->load_failed, s->load_crashed, s->load_timeout,
			s->load_secs);
	fputs("}\n}\n", f);
}

static void html_str(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
	}
}

static const char html_head[] =
"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
"<title>shim-check report</title>\n<style>\n"
"body{font:14px system-ui,sans-serif;margin:2em;color:#222}\n"
"h1{font-size:1.4em}\n"
".sum span{display:inline-block;margin-right:1.5em;padding:.3em .7em;"
"border-radius:4px;background:#eee}\n"
"table{border-collapse:collapse;width:100%;margin-top:1em}\n"
"th,td{padding:.25em .6em;text-align:left;border-bottom:1px solid #ddd}\n"
"th{cursor:pointer;background:#f4f4f4;user-select:none}\n"
"th:after{content:' \\2195';color:#aaa}\n"
"td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
"td.p{font-family:monospace;word-break:break-all}\n"
".bar{width:12em;height:.9em;background:#f3c6c6;border-radius:3px}\n"
".bar div{height:100%;background:#4caf50;border-radius:3px}\n"
".st-ok{color:#2e7d32}.st-partial{color:#c62828;font-weight:bold}\n"
".st-glibc,.st-not-elf{color:#777}\n"
"tr.det td{font-family:monospace;font-size:12px;color:#a33;"
"border-bottom:1px solid #ccc;padding-left:2em}\n"
".ld-ok{color:#2e7d32}.ld-failed,.ld-crashed,.ld-timeout{color:#c62828;"
"font-weight:bold}.ld-none{color:#777}\n"
"</style>\n</head>\n<body>\n<h1>shim-check report</h1>\n";

static const char html_tail[] =
"</table>\n<script>\n"
"(function(){var t=document.getElementById('objs'),dir={};\n"
"t.querySelectorAll('th').forEach(function(th,c){\n"
" th.addEventListener('click',function(){\n"
"  var bs=Array.prototype.slice.call(t.tBodies),d=dir[c]=-(dir[c]||-1);\n"
"  bs.sort(function(a,b){\n"
"   var x=a.rows[0].cells[c].dataset.k,y=b.rows[0].cells[c].dataset.k;\n"
"   var nx=parseFloat(x),ny=parseFloat(y);\n"
"   if(!isNaN(nx)&&!isNaN(ny))return d*(nx-ny);\n"
"   return d*x.localeCompare(y);});\n"
"  bs.forEach(function(b){t.appendChild(b);});});});\n"
"t.dataset.rows=t.tBodies.length;t.dataset.ready='1';})();\n"
"</script>\n</body>\n</html>\n";

static void html_details(FILE *f, const struct sc_object *o, int ncols)
{
	const char *sep = "";

	fprintf(f, "<tr class=\"det\"><td colspan=\"%d\">", ncols);
	if (load_bad(o)) {
		fprintf(f, "load %s: ", load_name(o->load));
		html_str(f, load_detail(o));
		sep = "<br>";
	}
	for (size_t j = 0; j < o->missing.n; j++, sep = "<br>") {
		fprintf(f, "%smissing symbol ", sep);
		html_str(f, o->missing.v[j]);
	}
	for (size_t j = 0; j < o->unsupported.n; j++, sep = "<br>") {
		fprintf(f, "%sunsupported symbol ", sep);
		html_str(f, o->unsupported.v[j]);
	}
	for (size_t j = 0; j < o->nneeded; j++) {
		if (o->needed[j].where != SC_MISSING)
			continue;
		fprintf(f, "%smissing library ", sep);
		html_str(f, o->needed[j].name);
		sep = "<br>";
	}
	fputs("</td></tr>\n", f);
}

static void html_load(FILE *f, const struct sc_object *o)
{
	const char *ld = load_name(o->load);

	if (o->load == SC_LOAD_NONE) {
		fputs("<td class=\"ld-none\" data-k=\"-\">-</td>", f);
		return;
	}
	fprintf(f, "<td class=\"ld-%s\" data-k=\"%s\" title=\"", ld, ld);
	html_str(f, load_detail(o));
	fprintf(f, "\">%s</td>", ld);
}

static void html_row(FILE *f, const struct sc_object *o, bool load)
{
	double pct = o->total ? 100.0 * o->provided / o->total :
		checked(o) ? 100.0 : 0.0;
	const char *st = status_name(o->status);

	fputs("<tbody><tr><td class=\"p\" data-k=\"", f);
	html_str(f, o->path);
	fputs("\">", f);
	html_str(f, o->path);
	fprintf(f, "</td><td class=\"st-%s\" data-k=\"%s\"", st, st);
	if (o->glibc_why) {
		fputs(" title=\"", f);
		html_str(f, o->glibc_why);
		fputc('"', f);
	}
	fprintf(f, ">%s</td>", st);
	if (checked(o))
		fprintf(f, "<td class=\"n\" data-k=\"%u\">%u/%u</td>"
			"<td data-k=\"%.3f\">"
			"<div class=\"bar\" title=\"%.1f%%\">"
			"<div style=\"width:%.1f%%\"></div></div></td>",
			o->total - o->provided, o->provided, o->total, pct,
			pct, pct);
	else
		fputs("<td class=\"n\" data-k=\"-1\">-</td>"
			"<td data-k=\"-1\"></td>", f);
	if (load)
		html_load(f, o);
	fputs("</tr>\n", f);
	if (o->status == SC_PARTIAL || load_bad(o))
		html_details(f, o, load ? 5 : 4);
	fputs("</tbody>\n", f);
}

void report_html(FILE *f, struct sc_object **v, size_t n,
	const struct sc_summary *s)
{
	fputs(html_head, f);
	fprintf(f, "<p class=\"sum\"><span id=\"sum-objects\">%u objects</span>"
		"<span id=\"sum-ok\" class=\"st-ok\">%u ok</span>"
		"<span id=\"sum-partial\" class=\"st-partial\">"
		"%u partial</span>"
		"<span id=\"sum-glibc\" class=\"st-glibc\">%u glibc skipped"
		"</span>", s->objects, s->ok, s->partial, s->glibc);
	if (s->notelf)
		fprintf(f, "<span class=\"st-not-elf\">%u not-elf</span>",
			s->notelf);
	if (s->load)
		fprintf(f, "</p>\n<p class=\"sum\">"
			"<span id=\"sum-loaded\">%u libraries loaded</span>"
			"<span id=\"sum-load-ok\" class=\"ld-ok\">%u ok</span>"
			"<span id=\"sum-load-failed\" class=\"ld-failed\">"
			"%u failed</span>"
			"<span id=\"sum-load-crashed\" class=\"ld-crashed\">"
			"%u crashed</span>"
			"<span id=\"sum-load-timeout\" class=\"ld-timeout\">"
			"%u timeout</span><span id=\"sum-load-time\">%.1f s"
			"</span>", s->loaded, s->load_ok, s->load_failed,
			s->load_crashed, s->load_timeout, s->load_secs);
	fprintf(f, "</p>\n<table id=\"objs\">\n<thead><tr><th>path</th>"
		"<th>status</th><th>provided/total</th><th>coverage</th>%s"
		"</tr></thead>\n", s->load ? "<th>load</th>" : "");
	for (size_t i = 0; i < n; i++)
		html_row(f, v[i], s->load);
	fputs(html_tail, f);
}

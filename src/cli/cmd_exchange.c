/* cmd_exchange.c: figures to and from the systems around chitieu.
 *   chitieu exchange export --format dhis2-json|dhis2-csv [--unit U] [--period P]
 *           [--id-scheme uid|code] [-o FILE]
 *   chitieu exchange import FILE --format dhis2-json|dhis2-csv [--unit U] [--by NAME]
 *           [--id-scheme uid|code]
 *   chitieu exchange metadata --unit U [-o FILE]
 *   chitieu exchange map import FILE [--unit U] | map set --unit U [--indicator I]
 *           [--part value|num|den] --uid UID | map list
 *   chitieu exchange export --format opensdg --unit U [--indicator I] [--numbering F]
 *           [--boundaries F] -o DIR
 * The DHIS2 mapping is in dhis2.h, uids.h and docs/exchange.md. */
#include "cli.h"

#include "args.h"
#include "csv.h"
#include "dhis2.h"
#include "exchange.h"
#include "figure.h"
#include "import.h"
#include "period.h"
#include "plan.h"
#include "store.h"
#include "uids.h"
#include "util.h"
#include "views.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EXCHANGE_MAX_FILE (256u << 20)
#define MISSING_SHOWN     5 /* identifiers named when UIDs are missing */

/* Which identifiers a data value set carries (DHIS2's idScheme): UIDs
 * from the mapping (uids.h), the default as in DHIS2; or chitieu's codes,
 * a ratio's data elements as CODE_NUM and CODE_DEN. */
enum scheme { SCHEME_UID, SCHEME_CODE };

struct ids {
	struct uid_rec *r;
	size_t n;
};

/* The UID of unit's indicator code's part (code NULL: the unit's part). */
static const char *uid_of(const struct ids *m, const char *unit, const char *code, const char *part)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->r[i].unit, unit) && !strcmp(m->r[i].part, part) &&
		    (code ? m->r[i].code && !strcmp(m->r[i].code, code) : !m->r[i].code))
			return m->r[i].uid;
	return NULL;
}

/* The mapping naming uid as one of parts (NULL-ended), or NULL. */
static const struct uid_rec *rec_of(const struct ids *m, const char *uid, const char *const *parts)
{
	for (size_t i = 0; uid && i < m->n; i++)
		for (const char *const *p = parts; *p; p++)
			if (!strcmp(m->r[i].uid, uid) && !strcmp(m->r[i].part, *p))
				return &m->r[i];
	return NULL;
}

/* One DHIS2 data value: its identifiers, and the value as a number
 * (number) or as text (a level name, "true"/"false"). */
struct dv {
	const char *de, *pe, *ou, *text;
	double number;
};

/* One DHIS2 data value, as JSON or as a CSV row under DHIS2_CSV_HEADER.
 * Numbers are written in figure_write's exact form (a JSON string, as
 * DHIS2 has it, or a bare CSV cell: never neutralised, "-5" stays a
 * number); text cells through csv_put_text. */
static void put_value(bool json, json_t *list, struct buf *b, const struct dv *d,
                      const struct obs_rec *o)
{
	char num[FIGURE_SIZE];
	figure_write(d->number, num);
	const char *value = d->text ? d->text : num;
	if (json) {
		json_t *v = json_pack("{ssssssss}", "dataElement", d->de, "period", d->pe,
		                      "orgUnit", d->ou, "value", value);
		if (o->by)
			json_object_set_new(v, "storedBy", json_string(o->by));
		if (o->at)
			json_object_set_new(v, "lastUpdated", json_string(o->at));
		if (o->note)
			json_object_set_new(v, "comment", json_string(o->note));
		json_object_set_new(v, "followup", json_false());
		json_array_append_new(list, v);
		return;
	}
	/* dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,
	 * value,storedby,lastupdated,comment,followup,deleted */
	const char *f[] = {d->de, d->pe, d->ou, "", "", value, o->by, o->at, o->note};
	for (int k = 0; k < 9; k++) {
		if (k)
			buf_putc(b, ',');
		if (k == 5 && !d->text)
			buf_puts(b, num);
		else
			csv_put_text(b, f[k]);
	}
	buf_puts(b, ",false,false\n");
}

/* The data element and org unit of one value: in codes, or the UIDs of
 * the mapping (false when one is missing: named in missing, counted). */
static bool ident(enum scheme sch, const struct ids *m, const char *owner, const char *code,
                  const char *part, const char *unit, char de[96], char ou[128],
                  struct buf *missing, size_t *nmissing)
{
	if (sch == SCHEME_CODE) {
		snprintf(de, 96, "%s%s", code,
		         !strcmp(part, "num")   ? "_NUM"
		         : !strcmp(part, "den") ? "_DEN"
		                                : "");
		snprintf(ou, 128, "%s", unit);
		return true;
	}
	const char *d = uid_of(m, owner, code, part), *o = uid_of(m, unit, NULL, "unit");
	if (!d || !o) {
		if (*nmissing < MISSING_SHOWN) {
			if (*nmissing)
				buf_puts(missing, "; ");
			if (!o)
				buf_printf(missing, "đơn vị %s", unit);
			if (!d)
				buf_printf(missing, "%schỉ tiêu %s %s%s", o ? "" : ", ", owner,
				           code,
				           !strcmp(part, "num")   ? " (tử số)"
				           : !strcmp(part, "den") ? " (mẫu số)"
				                                  : "");
		}
		(*nmissing)++;
		return false;
	}
	snprintf(de, 96, "%s", d);
	snprintf(ou, 128, "%s", o);
	return true;
}

/* Each unit's parent index in u[] (-1 at the top). */
static int *parents_of(const struct unit_rec *u, size_t nu)
{
	int *parent = xcalloc(nu + 1, sizeof *parent);
	for (size_t i = 0; i < nu; i++) {
		parent[i] = -1;
		for (size_t k = 0; u[i].parent_code && k < nu; k++)
			if (!strcmp(u[k].code, u[i].parent_code))
				parent[i] = (int)k;
	}
	return parent;
}

/* The index of code in u[], or -1. */
static int unit_index(const struct unit_rec *u, size_t nu, const char *code)
{
	for (size_t i = 0; i < nu; i++)
		if (!strcmp(u[i].code, code))
			return (int)i;
	return -1;
}

/* Whether unit i is root or under it. */
static bool within(const int *parent, int i, int root)
{
	for (int steps = 0; i >= 0 && steps < 64; i = parent[i], steps++)
		if (i == root)
			return true;
	return false;
}

/* Whether another figure of o[] (one unit's) has o[k]'s period and is
 * linked to the same indicator de above: DHIS2 would take one value for
 * two, so both are left out. */
static bool clash(const struct obs_rec *o, size_t n, size_t k, const struct link_pair *map,
                  size_t nmap, const char *de)
{
	for (size_t j = 0; j < n; j++) {
		const char *other =
		        j != k && o[j].code ? view_lift_code(map, nmap, o[j].code) : NULL;
		if (other && !strcmp(other, de) && !strcmp(o[j].period, o[k].period))
			return true;
	}
	return false;
}

/* All units with their own codes; or, with only, that unit and every unit
 * under it, each figure under the code of only's indicator it is linked to
 * through the confirmed links (view_lift, as the roll-ups): DHIS2 data
 * elements are global. A figure without a link up to only is left out and
 * counted in *unlinked; one sharing its indicator above with another of
 * the unit's figures of the same period, in *shared. A ratio is two
 * values: its numerator's and its denominator's data elements. With
 * SCHEME_UID every identifier comes from the mapping m; any missing one
 * refuses the export ([E_NO_UID], naming the first ones). */
static int dhis2_export(struct store *s, const char *only, const char *period, bool json,
                        enum scheme sch, const struct ids *m, struct buf *out, size_t *count,
                        size_t *skipped, size_t *unlinked, size_t *shared, struct error *err)
{
	struct unit_rec *u;
	size_t nu;
	if (store_unit_list(s, &u, &nu, err))
		return -1;
	int *parent = parents_of(u, nu);
	int root = only ? unit_index(u, nu, only) : -1;
	if (only && root < 0) {
		err_set(err, ERR_NOT_FOUND, "không có đơn vị %s", only);
		for (size_t i = 0; i < nu; i++)
			unit_rec_free(&u[i]);
		free(u);
		free(parent);
		return -1;
	}
	json_t *list = json_array();
	if (!json)
		buf_puts(out, DHIS2_CSV_HEADER "\n");
	struct buf missing = BUF_INIT;
	size_t nmissing = 0;
	int rc = 0;
	for (size_t i = 0; i < nu && !rc; i++) {
		if (only && !within(parent, (int)i, root))
			continue;
		struct link_pair *map = NULL;
		size_t nmap = 0;
		bool lift = only && (int)i != root;
		const char *owner = lift ? u[root].code : u[i].code;
		if (lift && view_lift(s, u, parent, (int)i, root, &map, &nmap, err)) {
			rc = -1;
			break;
		}
		struct obs_rec *o;
		size_t n;
		if (store_obs_list(s, u[i].id, period, &o, &n, err)) {
			link_pairs_free(map, nmap);
			rc = -1;
			break;
		}
		for (size_t k = 0; k < n; k++) {
			char pe[PERIOD_NAME_SIZE], de[96], ou[128];
			const char *code = o[k].code && lift ? view_lift_code(map, nmap, o[k].code)
			                                     : o[k].code;
			struct dv d = {de, pe, ou, NULL, 0};
			if (o[k].code && !code) {
				(*unlinked)++; /* no shared identity up to only */
			} else if (lift && clash(o, n, k, map, nmap, code)) {
				(*shared)++; /* two of the unit's indicators on one of only's */
			} else if (!o[k].code || dhis2_period_out(o[k].period, pe)) {
				(*skipped)++; /* nine months: no DHIS2 period */
			} else if (o[k].has_ratio) {
				if (ident(sch, m, owner, code, "num", u[i].code, de, ou, &missing,
				          &nmissing)) {
					d.number = o[k].num;
					put_value(json, list, out, &d, &o[k]);
				}
				if (ident(sch, m, owner, code, "den", u[i].code, de, ou, &missing,
				          &nmissing)) {
					d.number = o[k].den;
					put_value(json, list, out, &d, &o[k]);
				}
				*count += 2;
			} else if (ident(sch, m, owner, code, "value", u[i].code, de, ou, &missing,
			                 &nmissing)) {
				if (o[k].has_level)
					d.text = o[k].level;
				else if (o[k].has_value)
					d.number = o[k].value;
				else if (o[k].has_yes)
					d.text = o[k].yes ? "true" : "false";
				else
					d.text = "";
				put_value(json, list, out, &d, &o[k]);
				(*count)++;
			}
		}
		for (size_t k = 0; k < n; k++) /* after: clash reads them all */
			obs_rec_free(&o[k]);
		free(o);
		link_pairs_free(map, nmap);
	}
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	free(parent);
	if (!rc && nmissing) {
		err_set(err, ERR_NO_UID,
		        "%zu giá trị chưa có UID của DHIS2 (%s%s): đặt UID bằng "
		        "`chitieu exchange map` (hoặc `exchange metadata`), hoặc xuất theo "
		        "mã với --id-scheme code (số liệu của các đơn vị dưới: xuất với --unit "
		        "ĐƠN_VỊ_TRÊN để dùng chỉ tiêu chung)",
		        nmissing, buf_str(&missing), nmissing > MISSING_SHOWN ? "; …" : "");
		rc = -1;
	}
	buf_free(&missing);
	if (json && !rc) {
		json_t *doc = json_pack("{so}", "dataValues", list);
		char *text = json_dumps(doc, JSON_INDENT(1));
		buf_puts(out, text);
		buf_putc(out, '\n');
		free(text);
		json_decref(doc);
	} else {
		json_decref(list);
	}
	return rc;
}

/* ---- import --------------------------------------------------------------- */

/* Where one DHIS2 value goes: the unit (orgUnit), the indicator code of
 * owner's plan (the unit itself, or a unit above it whose indicator the
 * data element is: the figure is stored on the unit's indicator linked to
 * it) and which part of a figure it is. */
struct dest {
	char unit[128], owner[128], code[64], part[8];
	bool ok;
};

/* DHIS2's default category option combo (no disaggregation): absent,
 * "default", or its fixed UID. */
static bool default_combo(const char *c)
{
	return !c || !*c || !strcmp(c, "default") || !strcmp(c, "HllvX50cXC0");
}

/* Resolve v's identifiers by the scheme; problems for what cannot be
 * stored: a deleted value, a disaggregation, an unknown UID. */
static void resolve(const struct dhis2_value *v, enum scheme sch, const struct ids *m,
                    const char *top, struct dest *t, struct problems *ps)
{
	static const char *const unit_parts[] = {"unit", NULL};
	static const char *const de_parts[] = {"value", "num", "den", NULL};
	size_t before = ps->n;
	if (v->deleted)
		problems_add(
		        ps, "E_DELETED", v->line,
		        "Giá trị đã xoá trong DHIS2 (deleted: true) không được nhập như số "
		        "liệu: chitieu không xoá số liệu đã báo cáo qua tệp nhập (xoá hoặc sửa "
		        "trong chitieu, có lịch sử), hãy bỏ giá trị này khỏi tệp");
	if (!default_combo(v->aoc))
		problems_add(ps, "E1104", v->line,
		             "attributeOptionCombo \"%s\": chitieu không có tổ hợp thuộc tính, chỉ "
		             "nhận giá trị mặc định",
		             v->aoc);
	bool half = v->coc && (!strcmp(v->coc, "NUM") || !strcmp(v->coc, "DEN"));
	if (!default_combo(v->coc) && !half)
		problems_add(ps, "E1103", v->line,
		             "categoryOptionCombo \"%s\": chitieu không chia nhỏ số liệu, chỉ nhận "
		             "giá trị mặc định",
		             v->coc);
	const char *part = "value";
	if (sch == SCHEME_UID) {
		const struct uid_rec *ou = rec_of(m, v->org_unit, unit_parts);
		const struct uid_rec *de = rec_of(m, v->data_element, de_parts);
		if (!ou)
			problems_add(
			        ps, "E1102", v->line,
			        "orgUnit \"%s\" không có trong bảng UID (chitieu exchange map); "
			        "tệp dùng mã thì nhập với --id-scheme code",
			        v->org_unit);
		if (!de)
			problems_add(ps, "E1100", v->line,
			             "dataElement \"%s\" không có trong bảng UID (chitieu exchange "
			             "map); tệp dùng mã thì nhập với --id-scheme code",
			             v->data_element);
		if (ou && de) {
			snprintf(t->unit, sizeof t->unit, "%s", ou->unit);
			snprintf(t->owner, sizeof t->owner, "%s", de->unit);
			snprintf(t->code, sizeof t->code, "%s", de->code);
			part = de->part;
		}
	} else {
		size_t n = strlen(v->data_element);
		snprintf(t->unit, sizeof t->unit, "%s", v->org_unit);
		snprintf(t->owner, sizeof t->owner, "%s", top ? top : v->org_unit);
		snprintf(t->code, sizeof t->code, "%s", v->data_element);
		if (n > 4 && (!strcmp(v->data_element + n - 4, "_NUM") ||
		              !strcmp(v->data_element + n - 4, "_DEN"))) {
			part = !strcmp(v->data_element + n - 4, "_NUM") ? "num" : "den";
			t->code[n - 4 < sizeof t->code ? n - 4 : sizeof t->code - 1] = '\0';
		}
	}
	if (half && !strcmp(part, "value")) /* files of chitieu before version 7 */
		part = !strcmp(v->coc, "NUM") ? "num" : "den";
	snprintf(t->part, sizeof t->part, "%s", part);
	t->ok = ps->n == before;
}

/* The DHIS2 values as chitieu figures: the numerator and denominator of
 * the same unit, indicator and period make one ratio. A lone numerator or
 * denominator, or two values for one figure, are problems. */
struct incoming {
	char unit[128], owner[128], code[64], period[PERIOD_NAME_SIZE];
	const struct dhis2_value *value, *num, *den; /* borrowed */
	char *comment;                               /* borrowed from the DHIS2 values */
	char *evidence;                              /* storedBy, lastUpdated, followup */
	int line;
};

static size_t gather(const struct dhis2_value *v, const struct dest *t, size_t n,
                     struct incoming **out, struct problems *ps)
{
	struct incoming *in = xcalloc(n + 1, sizeof *in);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!t[i].ok)
			continue;
		char pe[PERIOD_NAME_SIZE];
		dhis2_period_in(v[i].period, pe); /* checked when parsed */
		struct incoming *x = NULL;
		for (size_t k = 0; k < m && !x; k++) /* a ratio's other half */
			if (!strcmp(in[k].unit, t[i].unit) && !strcmp(in[k].owner, t[i].owner) &&
			    !strcmp(in[k].code, t[i].code) && !strcmp(in[k].period, pe))
				x = &in[k];
		if (!x) {
			x = &in[m++];
			snprintf(x->unit, sizeof x->unit, "%s", t[i].unit);
			snprintf(x->owner, sizeof x->owner, "%s", t[i].owner);
			snprintf(x->code, sizeof x->code, "%s", t[i].code);
			snprintf(x->period, sizeof x->period, "%s", pe);
			x->line = v[i].line;
		}
		const struct dhis2_value **slot = !strcmp(t[i].part, "num")   ? &x->num
		                                  : !strcmp(t[i].part, "den") ? &x->den
		                                                              : &x->value;
		if (*slot || (slot == &x->value && (x->num || x->den)) ||
		    (slot != &x->value && x->value)) {
			problems_add(ps, "E_DUPLICATE", v[i].line,
			             "%s %s %s có hai giá trị (dòng/mục %d và %d)", t[i].unit,
			             t[i].code, pe, x->line, v[i].line);
			continue;
		}
		*slot = &v[i];
		if (v[i].comment)
			x->comment = v[i].comment;
		if (v[i].stored_by || v[i].last_updated || v[i].followup) {
			struct buf b = BUF_INIT;
			if (x->evidence)
				buf_printf(&b, "%s; ", x->evidence);
			buf_puts(&b, "DHIS2");
			if (v[i].stored_by)
				buf_printf(&b, ", storedBy %s", v[i].stored_by);
			if (v[i].last_updated)
				buf_printf(&b, ", lastUpdated %s", v[i].last_updated);
			if (v[i].followup)
				buf_puts(&b, ", followup");
			free(x->evidence);
			x->evidence = buf_detach(&b);
		}
	}
	for (size_t k = 0; k < m; k++)
		if ((in[k].num != NULL) != (in[k].den != NULL))
			problems_add(
			        ps, "E_RATIO", in[k].line,
			        "%s %s %s: có %s mà thiếu %s; một nửa tỷ lệ không phải số liệu",
			        in[k].unit, in[k].code, in[k].period,
			        in[k].num ? "tử số" : "mẫu số", in[k].num ? "mẫu số" : "tử số");
	*out = in;
	return m;
}

static void incoming_free(struct incoming *in, size_t m)
{
	for (size_t k = 0; in && k < m; k++)
		free(in[k].evidence);
	free(in);
}

/* A DHIS2 value as a number: a JSON number as it is, text in DHIS2's
 * machine form ("." decimal). */
static bool figure_of(const struct dhis2_value *d, double *v)
{
	if (d && d->is_number) {
		*v = d->number;
		return true;
	}
	return d && figure_read(d->value, FIGURE_MACHINE, v) == FIGURE_OK;
}

static bool same_figure(const struct dhis2_value *d, double have)
{
	double v;
	return figure_of(d, &v) && v == have;
}

/* A value meant as a number (not a level name): read as one, or starting
 * like one ("1,5" is then refused as a number, not taken for a level). */
static bool numeric(const struct dhis2_value *d)
{
	double v;
	const char *s = d ? d->value : "";
	while (*s == ' ')
		s++;
	return figure_of(d, &v) || (*s >= '0' && *s <= '9') ||
	       (*s == '-' && s[1] >= '0' && s[1] <= '9');
}

static struct obs_number number_of(const struct dhis2_value *d)
{
	return (struct obs_number){d && d->is_number, d && d->is_number ? d->number : 0};
}

/* The figure already stored for this input, if any, and whether it is the
 * same as what comes in. */
static int existing(struct store *s, const struct incoming *x, bool *same, struct error *err)
{
	struct unit_rec u = {0};
	int found = store_unit_get(s, x->unit, &u, err);
	if (found)
		return found < 0 ? -1 : 0; /* an unknown unit: record_batch will say so */
	struct obs_rec *o;
	size_t n;
	int rc = store_obs_list(s, u.id, x->period, &o, &n, err) ? -1 : 0;
	for (size_t k = 0; !rc && k < n; k++) {
		if (!o[k].code || strcmp(o[k].code, x->code))
			continue;
		if (o[k].has_ratio && x->num && x->den)
			*same = same_figure(x->num, o[k].num) && same_figure(x->den, o[k].den);
		else if (o[k].has_value && x->value)
			*same = same_figure(x->value, o[k].value);
		else if (o[k].has_level && x->value)
			*same = o[k].level && !strcmp(o[k].level, x->value->value);
		rc = 1;
	}
	for (size_t k = 0; k < n; k++)
		obs_rec_free(&o[k]);
	if (n)
		free(o);
	unit_rec_free(&u);
	return rc;
}

/* A value whose data element is an indicator of a unit above its orgUnit
 * (owner: a file exported with --unit, or a UID mapped to the unit above)
 * is stored on the orgUnit's own indicator linked to it through the
 * confirmed links (the only one), else a problem on that line. 0, or -1
 * on a database error. */
static int unlift(struct store *s, struct incoming *in, size_t m, struct problems *ps,
                  struct error *err)
{
	struct unit_rec *u;
	size_t nu;
	if (store_unit_list(s, &u, &nu, err))
		return -1;
	int *parent = parents_of(u, nu);
	int rc = 0;
	for (size_t k = 0; k < m && !rc; k++) {
		int root = unit_index(u, nu, in[k].owner), i = unit_index(u, nu, in[k].unit);
		if (root < 0) {
			problems_add(ps, "E_UNKNOWN_UNIT", in[k].line, "không có đơn vị %s",
			             in[k].owner);
			continue;
		}
		if (i == root || i < 0) /* its own codes; an unknown unit: said later */
			continue;
		if (!within(parent, i, root)) {
			problems_add(ps, "E_INPUT", in[k].line, "orgUnit %s không thuộc %s",
			             in[k].unit, in[k].owner);
			continue;
		}
		struct link_pair *map;
		size_t nmap, hits = 0;
		const char *own = NULL;
		if (view_lift(s, u, parent, i, root, &map, &nmap, err)) {
			rc = -1;
			break;
		}
		for (size_t j = 0; j < nmap; j++)
			if (!strcmp(map[j].parent_code, in[k].code)) {
				own = map[j].child_code;
				hits++;
			}
		if (hits == 1)
			snprintf(in[k].code, sizeof in[k].code, "%s", own);
		else
			problems_add(
			        ps, hits ? "E_AMBIGUOUS" : "E_NOT_LINKED", in[k].line,
			        "dataElement %s: %s %s chỉ tiêu nào liên kết (đã xác nhận) với "
			        "chỉ tiêu %s của %s",
			        in[k].code, in[k].unit, hits ? "có hơn một" : "không có",
			        in[k].code, in[k].owner);
		link_pairs_free(map, nmap);
	}
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	free(parent);
	return rc;
}

/* DHIS2's code for a chitieu problem where DHIS2 has one (ErrorCode.java:
 * E1100 data element, E1101 period, E1102 org unit not found, E2030 a value
 * not of the element's type), else chitieu's own. */
static const char *dhis2_code(const char *code)
{
	static const char *const map[][2] = {
	        {"E_PERIOD", "E1101"},
	        {"E_UNKNOWN_UNIT", "E1102"},
	        {"E_UNKNOWN_INDICATOR", "E1100"},
	        {"E_NUMBER", "E2030"},
	        {"E_AMBIGUOUS_NUMBER", "E2030"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(code, map[i][0]))
			return map[i][1];
	return code;
}

/* DHIS2's import summary on stdout, also for a refused file: each problem
 * a conflict naming the identifier it is about (object), why (value), its
 * code and the index of its value in the set (from 0). */
static void print_summary(const struct problems *ps, const struct dhis2_value *v, size_t n,
                          size_t imported, size_t updated, size_t ignored)
{
	json_t *conflicts = json_array();
	for (size_t i = 0; i < ps->n; i++) {
		const struct problem *p = &ps->v[i];
		const struct dhis2_value *x = NULL;
		for (size_t k = 0; v && p->line && k < n && !x; k++)
			if (v[k].line == p->line)
				x = &v[k];
		const char *code = dhis2_code(p->code);
		const char *object = !x                            ? "dataValueSet"
		                     : !strcmp(code, "E1102")      ? x->org_unit
		                     : !strcmp(code, "E1101")      ? x->period
		                     : !strcmp(code, "E1103")      ? x->coc
		                     : !strcmp(code, "E1104")      ? x->aoc
		                     : !strcmp(p->code, "E_INPUT") ? x->org_unit
		                                                   : x->data_element;
		json_t *indexes = json_array();
		if (x)
			json_array_append_new(indexes, json_integer(x->index));
		char *value = x ? xasprintf("%s (dòng/mục %d)", p->message, p->line)
		                : xstrdup(p->message);
		json_array_append_new(conflicts, json_pack("{s:s,s:s,s:s,s:o}", "object",
		                                           object ? object : "", "value", value,
		                                           "errorCode", code, "indexes", indexes));
		free(value);
	}
	char *description =
	        ps->n ? xasprintf("Không nhập gì: %zu lỗi, mọi giá trị bị bỏ qua", ps->n)
	              : xasprintf("Đã nhập: %zu mới, %zu cập nhật, %zu giống hệt đã có", imported,
	                          updated, ignored);
	json_t *r = json_pack(
	        "{s:s,s:s,s:s,s:{s:I,s:I,s:I,s:I},s:o}", "responseType", "ImportSummary", "status",
	        ps->n ? "ERROR" : "SUCCESS", "description", description, "importCount", "imported",
	        (json_int_t)(ps->n ? 0 : imported), "updated", (json_int_t)(ps->n ? 0 : updated),
	        "ignored", (json_int_t)(ps->n ? n : ignored), "deleted", (json_int_t)0, "conflicts",
	        conflicts);
	json_dumpf(r, stdout, JSON_INDENT(2));
	putchar('\n');
	json_decref(r);
	free(description);
}

static int dhis2_import(struct store *s, const char *file, bool json, const char *top,
                        const char *by, enum scheme sch, const struct ids *m)
{
	struct error err = {0};
	size_t len;
	char *data = import_read_file(file, EXCHANGE_MAX_FILE, &len, &err);
	if (!data) {
		struct problems fp = {0};
		problems_add(&fp, "E_INPUT", 0, "%s", err.msg);
		print_summary(&fp, NULL, 0, 0, 0, 0);
		fprintf(stderr, "chitieu exchange import: [%s] %s\n", err_name(err.code), err.msg);
		problems_free(&fp);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	struct dhis2_value *v = NULL;
	size_t n = 0;
	struct problems ps = {0};
	if (json)
		dhis2_parse_json(data, len, &v, &n, &ps);
	else
		dhis2_parse_csv(data, len, &v, &n, &ps);
	free(data);
	struct dest *t = xcalloc(n + 1, sizeof *t);
	bool parsed = !ps.n;
	for (size_t i = 0; parsed && v && i < n; i++) /* every conflict, not the first */
		resolve(&v[i], sch, m, top, &t[i], &ps);
	struct incoming *in = NULL;
	size_t nin = ps.n ? 0 : gather(v, t, n, &in, &ps);
	if (!ps.n && unlift(s, in, nin, &ps, &err))
		problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
	struct obs_input *batch = xcalloc(nin + 1, sizeof *batch);
	size_t nb = 0, imported = 0, updated = 0, ignored = 0;
	for (size_t k = 0; k < nin && !ps.n; k++) {
		bool same = false;
		int found = existing(s, &in[k], &same, &err);
		if (found < 0) {
			problems_add(&ps, err_name(err.code), 0, "%s", err.msg);
			break;
		}
		if (found && same) {
			ignored++;
			continue;
		}
		found ? updated++ : imported++;
		const struct dhis2_value *d = in[k].value;
		const char *val = d ? d->value : "";
		bool yes = !strcmp(val, "true") || !strcmp(val, "false");
		bool number = d && !yes && numeric(d);
		batch[nb++] = (struct obs_input){in[k].unit,
		                                 in[k].code,
		                                 in[k].period,
		                                 number ? val : "",
		                                 in[k].num ? in[k].num->value : "",
		                                 in[k].den ? in[k].den->value : "",
		                                 !yes && *val && !number ? val : "",
		                                 yes ? val : "",
		                                 in[k].comment ? in[k].comment : "",
		                                 in[k].evidence ? in[k].evidence : "",
		                                 in[k].line,
		                                 number ? number_of(d) : number_of(NULL),
		                                 number_of(in[k].num),
		                                 number_of(in[k].den),
		                                 FIGURE_MACHINE};
	}
	if (!ps.n && nb)
		store_record_batch(s, batch, nb, by, "nhập từ DHIS2", &ps);
	print_summary(&ps, v, n, imported, updated, ignored);
	if (ps.n) {
		cli_print_problems("exchange import", file, &ps);
		fprintf(stderr, "chitieu exchange import: không nhập gì (%zu lỗi)\n", ps.n);
	}
	int status = ps.n ? CLI_BADINPUT : CLI_OK;
	problems_free(&ps);
	free(batch);
	incoming_free(in, nin);
	free(t);
	dhis2_values_free(v, n);
	err_clear(&err);
	return status;
}

/* ---- the UID mapping -------------------------------------------------------- */

static int load_ids(struct store *s, struct ids *m)
{
	struct error err = {0};
	if (store_uid_list(s, &m->r, &m->n, &err)) {
		fprintf(stderr, "chitieu exchange: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return -1;
	}
	return 0;
}

/* The UIDs of a DHIS2 metadata export (/api/metadata with
 * organisationUnits and dataElements, each with id and code): an
 * organisation unit whose code is a unit's code maps that unit; with
 * --unit U, a data element whose code is one of U's indicator codes maps
 * it (CODE_NUM and CODE_DEN: a ratio's numerator and denominator). The
 * others are counted and named on stderr. All or nothing. */
static int map_import(struct store *s, const char *file, const char *unit, const char *by)
{
	struct error err = {0};
	size_t len;
	char *data = import_read_file(file, EXCHANGE_MAX_FILE, &len, &err);
	if (!data) {
		fprintf(stderr, "chitieu exchange map: [%s] %s\n", err_name(err.code), err.msg);
		err_clear(&err);
		return CLI_BADINPUT;
	}
	struct dhis2_object *ou, *de;
	size_t nou, nde;
	struct problems ps = {0};
	int rc = dhis2_parse_metadata(data, len, &ou, &nou, &de, &nde, &ps);
	free(data);
	if (rc) {
		cli_print_problems("exchange map", file, &ps);
		problems_free(&ps);
		return CLI_BADINPUT;
	}
	struct unit_rec *u = NULL;
	size_t nu = 0;
	struct plan plan;
	plan_init(&plan);
	struct unit_rec top = {0};
	int status = CLI_OK;
	if (store_unit_list(s, &u, &nu, &err) || (unit && store_unit_get(s, unit, &top, &err))) {
		if (!err_is(&err))
			err_set(&err, ERR_NOT_FOUND, "không có đơn vị này");
		fprintf(stderr, "chitieu exchange map: [%s] %s\n", err_name(err.code), err.msg);
		status = CLI_BADINPUT;
	}
	if (status == CLI_OK && unit && store_plan_load(s, top.id, &plan, &err)) {
		fprintf(stderr, "chitieu exchange map: [%s] %s\n", err_name(err.code), err.msg);
		status = CLI_BADINPUT;
	}
	struct uid_rec *recs = xcalloc(nou + nde + 1, sizeof *recs);
	size_t nr = 0, unmatched = 0;
	for (size_t i = 0; status == CLI_OK && i < nou; i++) {
		int k = ou[i].code ? unit_index(u, nu, ou[i].code) : -1;
		if (k < 0) {
			unmatched++;
			continue;
		}
		recs[nr++] = (struct uid_rec){u[k].code, NULL, "unit", ou[i].id};
	}
	for (size_t i = 0; status == CLI_OK && i < nde; i++) {
		char code[96];
		snprintf(code, sizeof code, "%s", de[i].code ? de[i].code : "");
		size_t n = strlen(code);
		const char *part = "value";
		if (n > 4 && (!strcmp(code + n - 4, "_NUM") || !strcmp(code + n - 4, "_DEN"))) {
			part = !strcmp(code + n - 4, "_NUM") ? "num" : "den";
			code[n - 4] = '\0';
		}
		const struct indicator *x = unit ? plan_find_indicator(&plan, code) : NULL;
		if (!x) {
			unmatched++;
			continue;
		}
		recs[nr++] = (struct uid_rec){top.code, x->code, (char *)part, de[i].id};
	}
	if (status == CLI_OK && store_uid_set(s, recs, nr, by, &err)) {
		fprintf(stderr, "chitieu exchange map: [%s] %s\n", err_name(err.code), err.msg);
		status = CLI_BADINPUT;
	}
	if (status == CLI_OK)
		fprintf(stderr, "Đã ánh xạ %zu UID; %zu đối tượng không khớp mã nào%s\n", nr,
		        unmatched,
		        !unit && nde ? " (dataElements cần --unit: mã chỉ tiêu của đơn vị nào)"
		                     : "");
	free(recs);
	plan_free(&plan);
	unit_rec_free(&top);
	for (size_t i = 0; i < nu; i++)
		unit_rec_free(&u[i]);
	free(u);
	dhis2_objects_free(ou, nou);
	dhis2_objects_free(de, nde);
	err_clear(&err);
	return status;
}

static int map_list(struct store *s)
{
	struct ids m;
	if (load_ids(s, &m))
		return CLI_BADINPUT;
	struct buf b = BUF_INIT;
	buf_puts(&b, "unit,indicator,part,uid\n");
	for (size_t i = 0; i < m.n; i++) {
		const char *f[] = {m.r[i].unit, m.r[i].code ? m.r[i].code : "", m.r[i].part,
		                   m.r[i].uid};
		for (int k = 0; k < 4; k++) {
			if (k)
				buf_putc(&b, ',');
			csv_put_text(&b, f[k]);
		}
		buf_putc(&b, '\n');
	}
	fwrite(buf_str(&b), 1, b.len, stdout);
	buf_free(&b);
	uid_recs_free(m.r, m.n);
	return CLI_OK;
}

/* ---- DHIS2 metadata ------------------------------------------------------------ */

/* s cut to at most max characters (UTF-8), into out. */
static void cut_chars(const char *s, size_t max, char *out, size_t size)
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < max) {
		size_t n = 1;
		while (s[i + n] && ((unsigned char)s[i + n] & 0xC0) == 0x80)
			n++;
		if (i + n >= size)
			break;
		i += n;
		chars++;
	}
	memcpy(out, s, i);
	out[i] = '\0';
}

/* The UID of (unit, code, part), or a new one added to recs. */
static const char *uid_or_new(const struct ids *m, struct uid_rec *recs, size_t *nr,
                              const char *unit, const char *code, const char *part)
{
	const char *have = uid_of(m, unit, code, part);
	if (have)
		return have;
	char fresh[12];
	if (dhis2_uid_new(fresh))
		return NULL;
	recs[*nr] = (struct uid_rec){xstrdup(unit), code ? xstrdup(code) : NULL, xstrdup(part),
	                             xstrdup(fresh)};
	return recs[(*nr)++].uid;
}

static json_t *data_element(const char *uid, const char *code, const char *name,
                            const char *short_name, const char *value_type, const char *aggregation)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:b}", "id", uid, "code", code, "name", name,
	                 "shortName", short_name, "valueType", value_type, "aggregationType",
	                 aggregation, "domainType", "AGGREGATE", "zeroIsSignificant", 1);
}

/* U's indicators as DHIS2 metadata (POST /api/metadata): a data element
 * for each figure; for an indicator in % also its numerator and
 * denominator data elements (CODE_NUM, CODE_DEN: a ratio is exported as
 * those two values) and an Indicator numerator / denominator × 100 of a
 * percent indicator type. UIDs from the mapping; missing ones are made
 * (DHIS2's rules) and stored, so that the data values use them. */
static int metadata_export(struct store *s, const char *unit, const char *out, const char *by)
{
	struct error err = {0};
	struct unit_rec u = {0};
	struct plan plan;
	plan_init(&plan);
	struct ids m = {0};
	int found = store_unit_get(s, unit, &u, &err);
	if (found || store_plan_load(s, u.id, &plan, &err) || load_ids(s, &m)) {
		if (!err_is(&err))
			err_set(&err, ERR_NOT_FOUND, "không có đơn vị này");
		fprintf(stderr, "chitieu exchange metadata: [%s] %s\n", err_name(err.code),
		        err.msg);
		err_clear(&err);
		unit_rec_free(&u);
		plan_free(&plan);
		uid_recs_free(m.r, m.n);
		return CLI_BADINPUT;
	}
	struct uid_rec *recs = xcalloc(plan.nind * 4 + 2, sizeof *recs);
	size_t nr = 0;
	json_t *des = json_array(), *inds = json_array(), *types = json_array();
	const char *type = NULL;
	int rc = CLI_OK;
	for (size_t i = 0; i < plan.nind && rc == CLI_OK; i++) {
		const struct indicator *x = &plan.ind[i];
		bool pct = x->unit && !strcmp(x->unit, "%");
		enum target_kind kind =
		        x->ntargets ? x->targets[x->ntargets - 1].t.kind : TARGET_NONE;
		const char *vt = kind == TARGET_YES     ? "BOOLEAN"
		                 : kind == TARGET_LEVEL ? "TEXT"
		                 : pct                  ? "PERCENTAGE"
		                                        : "NUMBER";
		const char *agg =
		        pct || kind == TARGET_YES || kind == TARGET_LEVEL ? "NONE" : "SUM";
		char name[1024], shortname[256], code[96], title[700];
		cut_chars(x->name, 150, title, sizeof title);
		static const char *const parts[] = {"value", "num", "den"};
		static const char *const suffix[] = {"", "_NUM", "_DEN"};
		static const char *const label[] = {"", " (tử số)", " (mẫu số)"};
		for (int k = 0; k < (pct ? 3 : 1); k++) {
			const char *uid = uid_or_new(&m, recs, &nr, u.code, x->code, parts[k]);
			if (!uid) {
				rc = CLI_BADINPUT;
				break;
			}
			snprintf(code, sizeof code, "%s%s", x->code, suffix[k]);
			snprintf(name, sizeof name, "%s %s %s%s", u.code, x->code, title, label[k]);
			char full[256];
			snprintf(full, sizeof full, "%s %s%s", u.code, x->code, label[k]);
			cut_chars(full, 50, shortname, sizeof shortname);
			json_array_append_new(des,
			                      data_element(uid, code, name, shortname,
			                                   k ? "NUMBER" : vt, k ? "SUM" : agg));
		}
		if (!pct || rc != CLI_OK)
			continue;
		if (!type) {
			type = uid_or_new(&m, recs, &nr, u.code, NULL, "indicator_type");
			if (type)
				json_array_append_new(types,
				                      json_pack("{s:s,s:s,s:i,s:b}", "id", type,
				                                "name", "Phần trăm (chitieu)",
				                                "factor", 100, "number", 0));
		}
		const char *id = uid_or_new(&m, recs, &nr, u.code, x->code, "indicator");
		const char *num = uid_of(&m, u.code, x->code, "num"),
		           *den = uid_of(&m, u.code, x->code, "den");
		for (size_t k = 0; k < nr; k++) /* made just now */
			if (recs[k].code && !strcmp(recs[k].code, x->code)) {
				if (!strcmp(recs[k].part, "num"))
					num = recs[k].uid;
				if (!strcmp(recs[k].part, "den"))
					den = recs[k].uid;
			}
		if (!type || !id || !num || !den) {
			rc = CLI_BADINPUT;
			break;
		}
		char numx[32], denx[32], full[256];
		snprintf(numx, sizeof numx, "#{%s}", num);
		snprintf(denx, sizeof denx, "#{%s}", den);
		snprintf(name, sizeof name, "%s %s %s", u.code, x->code, title);
		snprintf(full, sizeof full, "%s %s", u.code, x->code);
		cut_chars(full, 50, shortname, sizeof shortname);
		json_array_append_new(
		        inds,
		        json_pack("{s:s,s:s,s:s,s:s,s:{s:s},s:s,s:s,s:s,s:s}", "id", id, "code",
		                  x->code, "name", name, "shortName", shortname, "indicatorType",
		                  "id", type, "numerator", numx, "numeratorDescription", "Tử số",
		                  "denominator", denx, "denominatorDescription", "Mẫu số"));
	}
	if (rc != CLI_OK)
		fprintf(stderr, "chitieu exchange metadata: không tạo được UID (thiếu nguồn ngẫu "
		                "nhiên)\n");
	if (rc == CLI_OK && nr && store_uid_set(s, recs, nr, by, &err)) {
		fprintf(stderr, "chitieu exchange metadata: [%s] %s\n", err_name(err.code),
		        err.msg);
		rc = CLI_BADINPUT;
	}
	json_t *doc = json_pack("{s:o,s:o,s:o}", "indicatorTypes", types, "dataElements", des,
	                        "indicators", inds);
	if (rc == CLI_OK) {
		char *text = json_dumps(doc, JSON_INDENT(1));
		FILE *f = out ? fopen(out, "wb") : stdout;
		if (!f || fputs(text, f) < 0 || fputc('\n', f) < 0) {
			fprintf(stderr, "chitieu exchange metadata: không ghi được %s\n",
			        out ? out : "stdout");
			rc = CLI_BADINPUT;
		}
		if (f && f != stdout)
			fclose(f);
		free(text);
		if (rc == CLI_OK)
			fprintf(stderr,
			        "%zu phần tử dữ liệu, %zu chỉ số (Indicator); %zu UID mới\n",
			        json_array_size(json_object_get(doc, "dataElements")),
			        json_array_size(json_object_get(doc, "indicators")), nr);
	}
	json_decref(doc);
	for (size_t k = 0; k < nr; k++) {
		free(recs[k].unit);
		free(recs[k].code);
		free(recs[k].part);
		free(recs[k].uid);
	}
	free(recs);
	err_clear(&err);
	unit_rec_free(&u);
	plan_free(&plan);
	uid_recs_free(m.r, m.n);
	return rc;
}

static void usage(void)
{
	fputs("Cách dùng: chitieu exchange export --format dhis2-json|dhis2-csv [--unit U] "
	      "[--period P] [--id-scheme uid|code] [-o TỆP]\n"
	      "           chitieu exchange import TỆP --format dhis2-json|dhis2-csv [--unit U] "
	      "[--by TÊN] [--id-scheme uid|code]\n"
	      "           chitieu exchange metadata --unit U [-o TỆP]\n"
	      "           chitieu exchange map import TỆP_METADATA [--unit U]\n"
	      "           chitieu exchange map set --unit U [--indicator I] [--part "
	      "value|num|den] --uid UID\n"
	      "           chitieu exchange map list\n"
	      "           chitieu exchange export --format opensdg --unit U [--indicator I] "
	      "[--numbering TỆP] [--boundaries TỆP.geojson] -o THƯ_MỤC\n",
	      stderr);
}

int cmd_exchange(int argc, char **argv)
{
	const char *db = NULL, *format = NULL, *unit = NULL, *period = NULL, *out = NULL,
	           *ind = NULL, *by = "dhis2", *scheme = "uid", *part = NULL, *uid = NULL,
	           *numbering = NULL, *boundaries = NULL, *file[2] = {NULL, NULL};
	const struct opt opts[] = {{"db", &db, NULL},
	                           {"format", &format, NULL},
	                           {"unit", &unit, NULL},
	                           {"period", &period, NULL},
	                           {"output", &out, NULL},
	                           {"indicator", &ind, NULL},
	                           {"by", &by, NULL},
	                           {"id-scheme", &scheme, NULL},
	                           {"part", &part, NULL},
	                           {"uid", &uid, NULL},
	                           {"numbering", &numbering, NULL},
	                           {"boundaries", &boundaries, NULL},
	                           {NULL, NULL, NULL}};
	const char *sub = argc >= 1 ? argv[0] : "";
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = "--output";
	bool export = !strcmp(sub, "export"), import = !strcmp(sub, "import"),
	     meta = !strcmp(sub, "metadata"), map = !strcmp(sub, "map");
	int nrest = (export || import || meta || map)
	                    ? args_parse("exchange", argc - 1, argv + 1, opts, file, 2)
	                    : -1;
	bool json = format && !strcmp(format, "dhis2-json"),
	     csv = format && !strcmp(format, "dhis2-csv"),
	     sdg = format && !strcmp(format, "opensdg");
	bool by_code = !strcmp(scheme, "code");
	const char *how = map && nrest >= 1 ? file[0] : "";
	bool map_import_ = map && !strcmp(how, "import") && nrest == 2,
	     map_set = map && !strcmp(how, "set") && nrest == 1 && unit && uid,
	     map_list_ = map && !strcmp(how, "list") && nrest == 1;
	if (nrest < 0 || (!by_code && strcmp(scheme, "uid")) ||
	    ((export || import) && !json && !csv && !sdg) || (import && (nrest != 1 || sdg)) ||
	    (export && nrest != 0) || (sdg && (!unit || !out)) || (meta && (!unit || nrest)) ||
	    (map && !map_import_ && !map_set && !map_list_)) {
		usage();
		return CLI_USAGE;
	}
	struct store *s = cli_open_db("exchange", db);
	if (!s)
		return CLI_BADINPUT;
	int rc;
	struct ids m = {0};
	if (map_import_) {
		rc = map_import(s, file[1], unit, by);
	} else if (map_set) {
		struct error err = {0};
		struct uid_rec r = {(char *)unit, (char *)ind,
		                    (char *)(part  ? part
		                             : ind ? "value"
		                                   : "unit"),
		                    (char *)uid};
		rc = store_uid_set(s, &r, 1, by, &err) ? CLI_BADINPUT : CLI_OK;
		if (rc != CLI_OK)
			fprintf(stderr, "chitieu exchange map: [%s] %s\n", err_name(err.code),
			        err.msg);
		err_clear(&err);
	} else if (map_list_) {
		rc = map_list(s);
	} else if (meta) {
		rc = metadata_export(s, unit, out, by);
	} else if (sdg) {
		rc = opensdg_export(s, unit, ind, out, numbering, boundaries);
	} else if (!by_code && load_ids(s, &m)) {
		rc = CLI_BADINPUT;
	} else if (import) {
		rc = dhis2_import(s, file[0], json, unit, by, by_code ? SCHEME_CODE : SCHEME_UID,
		                  &m);
	} else {
		struct buf b = {0};
		struct error err = {0};
		size_t count = 0, skipped = 0, unlinked = 0, shared = 0;
		rc = dhis2_export(s, unit, period, json, by_code ? SCHEME_CODE : SCHEME_UID, &m, &b,
		                  &count, &skipped, &unlinked, &shared, &err)
		             ? CLI_BADINPUT
		             : CLI_OK;
		FILE *f = rc == CLI_OK && out ? fopen(out, "wb") : stdout;
		if (rc != CLI_OK)
			fprintf(stderr, "chitieu exchange export: [%s] %s\n", err_name(err.code),
			        err.msg);
		else if (!f || fwrite(buf_str(&b), 1, b.len, f) != b.len)
			rc = CLI_BADINPUT;
		if (f && f != stdout)
			fclose(f);
		if (rc == CLI_OK)
			fprintf(stderr, "%zu giá trị DHIS2%s\n", count,
			        skipped ? " (bỏ qua số liệu 9 tháng: DHIS2 không có kỳ này)" : "");
		if (rc == CLI_OK && unlinked)
			fprintf(stderr,
			        "Cảnh báo: bỏ qua %zu số liệu của chỉ tiêu chưa liên kết (đã xác "
			        "nhận) với chỉ tiêu của %s\n",
			        unlinked, unit);
		if (rc == CLI_OK && shared)
			fprintf(stderr,
			        "Cảnh báo: bỏ qua %zu số liệu: hai chỉ tiêu của cùng một đơn vị "
			        "liên "
			        "kết với cùng một chỉ tiêu của %s trong cùng kỳ\n",
			        shared, unit);
		buf_free(&b);
		err_clear(&err);
	}
	uid_recs_free(m.r, m.n);
	store_close(s);
	return rc;
}

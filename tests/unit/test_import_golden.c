/* test_import_golden.c: the four real plans against their golden JSON,
 * checked by hand against the documents; any indicator, target, baseline,
 * agency or task that differs fails. Then the facts the issue names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"

#define PLANS  CHITIEU_DATA "/plans/"
#define GOLDEN CHITIEU_DATA "/golden/"

static json_t *parse_json(const char *name, struct plan *p)
{
	struct error err = {0};
	char path[512];
	snprintf(path, sizeof path, PLANS "%s.txt", name);
	if (import_file(path, p, &err))
		fail_msg("%s", err.msg);
	return plan_to_json(p);
}

/* Name the first place where two plans differ, so a failure is readable. */
static void explain(json_t *got, json_t *want)
{
	const char *lists[] = {"indicators", "tasks", "groups", "warnings"};
	json_t *g = json_object_get(got, "plan"), *w = json_object_get(want, "plan");
	const char *key;
	json_t *v;
	json_object_foreach(w, key, v)
	{
		if (!json_equal(v, json_object_get(g, key)) && !json_is_array(v))
			fail_msg("plan.%s differs", key);
	}
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		json_t *ga = json_object_get(g, lists[l]), *wa = json_object_get(w, lists[l]);
		size_t n = json_array_size(wa) > json_array_size(ga) ? json_array_size(wa)
		                                                     : json_array_size(ga);
		for (size_t i = 0; i < n; i++) {
			json_t *gi = json_array_get(ga, i), *wi = json_array_get(wa, i);
			if (json_equal(gi, wi))
				continue;
			char *gs = gi ? json_dumps(gi, JSON_COMPACT) : strdup("(missing)");
			char *ws = wi ? json_dumps(wi, JSON_COMPACT) : strdup("(missing)");
			print_error("%s[%zu]\n  got:  %.600s\n  want: %.600s\n", lists[l], i, gs,
			            ws);
			free(gs);
			free(ws);
			fail_msg("%s[%zu] differs from the golden file", lists[l], i);
		}
	}
	fail_msg("plans differ");
}

static void golden(const char *name)
{
	struct plan p;
	json_t *got = parse_json(name, &p);
	char path[512];
	snprintf(path, sizeof path, GOLDEN "%s.json", name);
	json_error_t e;
	json_t *want = json_load_file(path, JSON_REJECT_DUPLICATES, &e);
	if (!want)
		fail_msg("%s:%d: %s", path, e.line, e.text);
	if (!json_equal(got, want))
		explain(got, want);
	json_decref(got);
	json_decref(want);
	plan_free(&p);
}

static void golden_000(void **s)
{
	(void)s;
	golden("000_03b77514fb71b314");
}
static void golden_001(void **s)
{
	(void)s;
	golden("001_5a02e85ee0dfd10c");
}
static void golden_002(void **s)
{
	(void)s;
	golden("002_f65c0da7dbd96e8d");
}
static void golden_004(void **s)
{
	(void)s;
	golden("004_5f0b3916b5e2f87f");
}

static size_t in_group(const struct plan *p, const char *g)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nind; i++)
		n += !strcmp(p->ind[i].group, g);
	return n;
}

static bool warned(const struct plan *p, const char *needle)
{
	for (size_t i = 0; i < p->nwarn; i++)
		if (strstr(p->warn[i].message, needle))
			return true;
	return false;
}

/* PDF text: 75 indicators in groups of 4/14/15/11/31. */
static void facts_000(void **s)
{
	(void)s;
	struct plan p;
	json_decref(parse_json("000_03b77514fb71b314", &p));
	assert_int_equal(p.nind, 75);
	assert_int_equal(p.ngroups, 5);
	const char *g[] = {"I", "II", "III", "IV", "V"};
	size_t want[] = {4, 14, 15, 11, 31};
	for (int i = 0; i < 5; i++)
		assert_int_equal(in_group(&p, g[i]), want[i]);
	struct indicator *x = find(&p, "I.1");
	const char *t[] = {">60", "100", "100", "100", "100"};
	int years[] = {2025, 2030, 2035, 2040, 2045};
	assert_int_equal(x->ntargets, 5);
	for (int i = 0; i < 5; i++) {
		struct target *tt = indicator_target(x, years[i]);
		assert_non_null(tt);
		assert_string_equal(tt->text, t[i]);
		assert_int_equal(tt->kind, TARGET_NUMBER);
	}
	assert_int_equal(indicator_target(x, 2025)->op, TARGET_GT);
	assert_int_equal(indicator_target(find(&p, "II.2"), 2025)->kind, TARGET_NONE);
	assert_int_equal(indicator_target(find(&p, "II.2"), 2030)->kind, TARGET_NUMBER);
	assert_string_equal(find(&p, "I.1")->monitor, "Phòng Văn hóa, Khoa học và Thông tin");
	plan_free(&p);
}

/* Markdown, one table per milestone, baselines, tasks. */
static void facts_001(void **s)
{
	(void)s;
	struct plan p;
	json_decref(parse_json("001_5a02e85ee0dfd10c", &p));
	assert_int_equal(p.ntasks, 41);
	assert_int_equal(p.baseline_year, 2024);
	assert_int_equal(p.ngroups, 5);
	/* The 5G coverage row of 2025 and 2030 is one indicator with its
	 * baseline; 6G (2035 on) is another. */
	struct indicator *g5 = find(&p, "I.1");
	assert_true(g5->has_baseline && g5->baseline == 0);
	assert_non_null(indicator_target(g5, 2025));
	assert_non_null(indicator_target(g5, 2030));
	assert_null(indicator_target(g5, 2035));
	assert_true(strstr(find(&p, "I.3")->name, "6G") != NULL);
	/* The budget share is worded four ways and still one indicator. */
	struct indicator *b = find(&p, "II.1");
	assert_int_equal(b->ntargets, 5);
	assert_true(indicator_target(b, 2030)->value == 1.5);
	assert_string_equal(b->baseline_text, "0,1");
	/* The heading "8 Tỷ lệ người dân có tài khoản ...; ... chữ ký số" is
	 * not an indicator. */
	for (size_t i = 0; i < p.nind; i++)
		assert_null(strstr(p.ind[i].name, "; tỷ lệ người dân có chữ ký số"));
	assert_string_equal(p.number, "275-KH/HU");
	assert_string_equal(p.date, "2025-05-15");
	assert_true(warned(&p, "1.5"));
	assert_int_equal(p.tasks[0].due_year, 0);
	bool recurring = false, due = false;
	for (size_t i = 0; i < p.ntasks; i++) {
		recurring |= p.tasks[i].recurring;
		due |= p.tasks[i].due_year == 2025;
	}
	assert_true(recurring && due);
	plan_free(&p);
}

/* Tab-separated, one section per milestone: 9 indicators. */
static void facts_002(void **s)
{
	(void)s;
	struct plan p;
	json_decref(parse_json("002_f65c0da7dbd96e8d", &p));
	assert_int_equal(p.nind, 9);
	assert_string_equal(p.number, "54/KH-UBND");
	assert_string_equal(p.date, "2025-08-30");
	assert_string_equal(p.issuer, "UBND xã Dân Tiến");
	size_t five = 0, reports = 0;
	for (size_t i = 0; i < p.nind; i++) {
		five += p.ind[i].ntargets == 5;
		reports += p.ind[i].ntargets == 1 && p.ind[i].targets[0].t.kind == TARGET_REPORT;
	}
	assert_int_equal(five, 3); /* adult access, DVC online, online dossiers */
	assert_int_equal(reports, 2);
	plan_free(&p);
}

/* Tab-separated with HTML and LaTeX: five groups with unique codes, the
 * misnumbered group and the indicator listed twice flagged. */
static void facts_004(void **s)
{
	(void)s;
	struct plan p;
	json_decref(parse_json("004_5f0b3916b5e2f87f", &p));
	assert_int_equal(p.ngroups, 5);
	for (size_t i = 0; i < p.ngroups; i++)
		for (size_t j = i + 1; j < p.ngroups; j++)
			assert_string_not_equal(p.groups[i].code, p.groups[j].code);
	assert_string_equal(p.groups[2].name, "Phát triển khoa học công nghệ");
	assert_string_equal(p.groups[2].code, "III");
	assert_true(warned(&p, "đánh số trùng"));
	assert_true(warned(&p, "trùng với chỉ tiêu V.31"));
	assert_true(warned(&p, "thiếu 13"));
	assert_int_equal(in_group(&p, "IV"), 9); /* the repeated IV header continues IV */
	assert_true(indicator_target(find(&p, "III.2"), 2025)->value == 10); /* $\geq 10$ */
	assert_string_equal(p.number, "59/KH-UBND");
	assert_string_equal(p.date, "2026-04-20");
	plan_free(&p);
}

/* The stored form reads back into the same plan: JSON -> plan -> JSON. */
static void json_round_trip(void **s)
{
	(void)s;
	const char *names[] = {"000_03b77514fb71b314", "001_5a02e85ee0dfd10c",
	                       "002_f65c0da7dbd96e8d", "004_5f0b3916b5e2f87f"};
	for (int i = 0; i < 4; i++) {
		struct plan p, q;
		json_t *a = parse_json(names[i], &p);
		assert_int_equal(plan_from_json(a, &q), 0);
		json_t *b = plan_to_json(&q);
		if (!json_equal(a, b))
			explain(b, a);
		json_decref(a);
		json_decref(b);
		plan_free(&p);
		plan_free(&q);
	}
	json_t *junk = json_pack("{s[i]}", "plan", 1);
	struct plan q;
	assert_int_equal(plan_from_json(junk, &q), -1); /* not a plan */
	plan_free(&q);
	json_decref(junk);
	junk = json_pack("{s{}}", "plan");
	assert_int_equal(plan_from_json(junk, &q), 0); /* an empty plan */
	assert_int_equal(q.nind, 0);
	plan_free(&q);
	json_decref(junk);
	junk = json_pack("{s{s[{si}]}}", "plan", "indicators", "code", 1);
	assert_int_equal(plan_from_json(junk, &q), -1);
	plan_free(&q);
	json_decref(junk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(golden_000),      cmocka_unit_test(golden_001),
	        cmocka_unit_test(golden_002),      cmocka_unit_test(golden_004),
	        cmocka_unit_test(facts_000),       cmocka_unit_test(facts_001),
	        cmocka_unit_test(facts_002),       cmocka_unit_test(facts_004),
	        cmocka_unit_test(json_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

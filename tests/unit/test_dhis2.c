/* test_dhis2.c: the DHIS2 parser (issue 15): both CSV header styles give
 * the same values, with storedBy, lastUpdated, comment, followup, deleted
 * and attributeOptionCombo; a deleted value needs no value; the set's own
 * period and orgUnit stand in for a value's; UIDs by DHIS2's rules; a
 * metadata export's units and data elements. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "dhis2.h"

static struct dhis2_value *parse_csv(const char *text, size_t *n)
{
	struct dhis2_value *v = NULL;
	struct problems ps = {0};
	int rc = dhis2_parse_csv(text, strlen(text), &v, n, &ps);
	if (rc || ps.n)
		fail_msg("%s", ps.n ? ps.v[0].message : "refused");
	problems_free(&ps);
	return v;
}

static void both_header_styles(void **state)
{
	(void)state;
	const char *now = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,"
	                  "value,storedby,lastupdated,comment,followup,deleted\n"
	                  "f7n9E0hX8qk,201201,DiszpKrYNg8,,,10001,john,2012-01-01,c,true,false\n";
	const char *old =
	        "\"dataelement\",\"period\",\"orgunit\",\"categoryoptioncombo\","
	        "\"attributeoptioncombo\",\"value\",\"storedby\",\"timestamp\",\"comment\","
	        "\"followup\"\n\"f7n9E0hX8qk\",\"201201\",\"DiszpKrYNg8\",\"\",\"\",\"10001\","
	        "\"john\",\"2012-01-01\",\"c\",\"true\"";
	const char *texts[] = {now, old};
	for (int k = 0; k < 2; k++) {
		size_t n;
		struct dhis2_value *v = parse_csv(texts[k], &n);
		assert_int_equal(n, 1);
		assert_string_equal(v[0].data_element, "f7n9E0hX8qk");
		assert_string_equal(v[0].period, "201201");
		assert_string_equal(v[0].org_unit, "DiszpKrYNg8");
		assert_null(v[0].coc);
		assert_null(v[0].aoc);
		assert_string_equal(v[0].value, "10001");
		assert_string_equal(v[0].stored_by, "john");
		assert_string_equal(v[0].last_updated, "2012-01-01");
		assert_string_equal(v[0].comment, "c");
		assert_true(v[0].followup);
		assert_false(v[0].deleted);
		assert_int_equal(v[0].index, 0);
		dhis2_values_free(v, n);
	}
}

static void deleted_and_combos(void **state)
{
	(void)state;
	size_t n;
	struct dhis2_value *v = parse_csv(
	        "de,pe,ou,coc,aoc,value,deleted\nA,2025,B,,,1,false\nA,2026,B,X,Y,,true\n", &n);
	assert_int_equal(n, 2);
	assert_false(v[0].deleted);
	assert_true(v[1].deleted);
	assert_string_equal(v[1].coc, "X");
	assert_string_equal(v[1].aoc, "Y");
	assert_int_equal(v[1].index, 1);
	dhis2_values_free(v, n);
	/* A flag that is not true or false: refused with its line. */
	struct problems ps = {0};
	const char *bad =
	        "dataelement,period,orgunit,value,deleted\nA,2025,B,1,false\nA,2025,B,1,maybe\n";
	assert_int_equal(dhis2_parse_csv(bad, strlen(bad), &v, &n, &ps), -1);
	assert_int_equal(ps.n, 1);
	assert_int_equal(ps.v[0].line, 3);
	/* No value in JSON, not deleted: refused. */
	dhis2_values_free(v, n);
	problems_free(&ps);
	const char *j =
	        "{\"dataValues\":[{\"dataElement\":\"A\",\"period\":\"2025\",\"orgUnit\":\"B\"}]}";
	assert_int_equal(dhis2_parse_json(j, strlen(j), &v, &n, &ps), -1);
	assert_int_equal(ps.n, 1);
	assert_int_equal(ps.v[0].line, 1);
	dhis2_values_free(v, n);
	problems_free(&ps);
}

static void json_set_defaults(void **state)
{
	(void)state;
	const char *j =
	        "{\"period\":\"202501\",\"orgUnit\":\"DiszpKrYNg8\",\"dataValues\":["
	        "{\"dataElement\":\"f7n9E0hX8qk\",\"value\":2.5,\"followup\":true},"
	        "{\"dataElement\":\"f7n9E0hX8qk\",\"period\":\"202502\",\"deleted\":true}]}";
	struct dhis2_value *v;
	size_t n;
	struct problems ps = {0};
	assert_int_equal(dhis2_parse_json(j, strlen(j), &v, &n, &ps), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].period, "202501");
	assert_string_equal(v[0].org_unit, "DiszpKrYNg8");
	assert_true(v[0].is_number);
	assert_true(v[0].followup);
	assert_string_equal(v[1].period, "202502");
	assert_true(v[1].deleted);
	assert_null(v[1].value);
	dhis2_values_free(v, n);
	problems_free(&ps);
}

static void uids(void **state)
{
	(void)state;
	assert_true(dhis2_uid_ok("DiszpKrYNg8"));
	assert_true(dhis2_uid_ok("HllvX50cXC0"));
	assert_false(dhis2_uid_ok("1iszpKrYNg8")); /* a digit first */
	assert_false(dhis2_uid_ok("DiszpKrYNg"));  /* 10 */
	assert_false(dhis2_uid_ok("Diszp-rYNg8"));
	assert_false(dhis2_uid_ok(NULL));
	for (int i = 0; i < 200; i++) {
		char u[12];
		assert_int_equal(dhis2_uid_new(u), 0);
		assert_true(dhis2_uid_ok(u));
	}
}

static void metadata(void **state)
{
	(void)state;
	const char *j =
	        "{\"organisationUnits\":[{\"id\":\"DiszpKrYNg8\",\"code\":\"A\"}],"
	        "\"dataElements\":[{\"id\":\"f7n9E0hX8qk\",\"code\":\"I.3_NUM\",\"name\":\"x\"},"
	        "{\"id\":\"Ix2HsbDMLea\"}]}";
	struct dhis2_object *ou, *de;
	size_t nou, nde;
	struct problems ps = {0};
	assert_int_equal(dhis2_parse_metadata(j, strlen(j), &ou, &nou, &de, &nde, &ps), 0);
	assert_int_equal(nou, 1);
	assert_int_equal(nde, 2);
	assert_string_equal(ou[0].code, "A");
	assert_string_equal(de[0].code, "I.3_NUM");
	assert_null(de[1].code);
	dhis2_objects_free(ou, nou);
	dhis2_objects_free(de, nde);
	const char *bad = "{\"dataElements\":[{\"id\":\"not a uid\"}]}";
	assert_int_equal(dhis2_parse_metadata(bad, strlen(bad), &ou, &nou, &de, &nde, &ps), -1);
	assert_int_equal(ps.n, 1);
	assert_null(de);
	problems_free(&ps);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(both_header_styles), cmocka_unit_test(deleted_and_combos),
	        cmocka_unit_test(json_set_defaults),  cmocka_unit_test(uids),
	        cmocka_unit_test(metadata),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

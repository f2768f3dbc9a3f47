/* target.h: a target cell of a plan ("≥ 70", "80-90", "Duy trì", "Khá",
 * "Nằm trong tốp 40 của tỉnh" ...) as a typed value. No I/O. */
#ifndef CHITIEU_TARGET_H
#define CHITIEU_TARGET_H

#include <stdbool.h>

enum target_kind {
	TARGET_NONE,     /* "-", empty: no target at this milestone */
	TARGET_NUMBER,   /* op value; a bare number means ">=" */
	TARGET_RANGE,    /* min..max */
	TARGET_YES,      /* Có, Đạt, Hoàn thành */
	TARGET_MAINTAIN, /* Duy trì: the previous milestone's target still holds */
	TARGET_LEVEL,    /* a level on an ordinal scale: level, rank */
	TARGET_RANK,     /* rank op value within scope */
	TARGET_GROWTH,   /* grows by value (percent) per year */
	TARGET_RELATIVE, /* relative to the province's average or target */
	TARGET_REPORT,   /* the deliverable is a report */
	TARGET_TEXT,     /* anything else, judged by the monitoring agency */
};

enum target_op { TARGET_GE, TARGET_GT, TARGET_LE, TARGET_LT, TARGET_EQ };

enum target_relative { TARGET_TO_PROVINCE_AVERAGE, TARGET_TO_PROVINCE_TARGET };

struct target {
	enum target_kind kind;
	char *text; /* the cell as written, cleaned; owned */
	enum target_op op;
	double value; /* number, rank, growth */
	double min, max;
	char *level; /* level name as on the scale ("Khá"); owned */
	int rank;    /* position of level on the row's scale, 1-based */
	char *scope; /* rank: "province", "country", "district"; static */
	enum target_relative to;
};

/* Parse one cell. unit (may be NULL) helps: "Báo cáo" makes a report target,
 * "%/năm" a growth. Never fails: what it cannot read is TARGET_TEXT. The
 * caller frees with target_free. */
void target_parse(const char *cell, const char *unit, struct target *out);
void target_free(struct target *t);

/* Rank the level targets of one indicator's row: on a known scale (Yếu <
 * Trung bình < Khá < Tốt < Xuất sắc; Bắt đầu < Mở rộng < Phổ biến < Nâng
 * cao; Tiếp cận < Ứng dụng < Thành thạo; Thí điểm < Hoàn thiện) by that
 * scale, otherwise in the order they are written across the row. Short
 * unknown phrases in a row that has levels become levels too. */
void target_rank_row(struct target *t, int n);

const char *target_kind_name(enum target_kind k);
const char *target_op_name(enum target_op op);

/* Parse a number as written in Vietnamese documents: "0,7", "1.5", "05",
 * "1.000" (thousands), "1,50%". Returns the number of bytes read, 0 when
 * s does not start with a number. */
int target_number(const char *s, double *v);

/* Whether the token t alone can stand in a target cell: a number with its
 * comparison and percent ("100", "> 60", "≥70%", "0,7", "80-90"), a dash,
 * "x", and with yes_no also "Có" and "Đạt". */
bool target_token(const char *t, bool yes_no);

#endif

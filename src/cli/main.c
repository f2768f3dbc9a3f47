/* main.c: chitieu's entry point: find the subcommand in the table, run it. */
#include "cli.h"

#include "store.h"
#include "upload.h"

#include <stdio.h>
#include <string.h>

#define CHITIEU_VERSION "0.1.0"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *help;
} commands[] = {
        {"parse", cmd_parse, "parse FILE... [--format json|text] [--progress]",
         "đọc văn bản kế hoạch (phụ lục chỉ tiêu, nhiệm vụ) thành kế hoạch có cấu trúc"},
        {"align", cmd_align, "align FILE FILE... [--format json|text]",
         "ghép các chỉ tiêu giống nhau của nhiều kế hoạch thành chỉ tiêu chung (không cần CSDL)"},
        {"unit", cmd_unit, "unit add|import|list|settings ...",
         "đơn vị hành chính (tỉnh, xã, phường)"},
        {"import", cmd_import, "import FILE --unit CODE",
         "lưu kế hoạch của một đơn vị (phiên bản mới)"},
        {"plan", cmd_plan, "plan catalogue --unit PROVINCE",
         "danh mục chỉ tiêu chung của tỉnh/cả nước từ kế hoạch các đơn vị trực thuộc"},
        {"link", cmd_link, "link propose|list|confirm|reject|set --unit U ...",
         "liên kết chỉ tiêu của đơn vị với chỉ tiêu của đơn vị cấp trên"},
        {"plans", cmd_plans, "plans [--unit CODE]", "các kế hoạch đã lưu"},
        {"show", cmd_show, "show PLAN [--format text|json]", "xem một kế hoạch đã lưu"},
        {"record", cmd_record, "record --unit U --indicator I --period P ...",
         "ghi số liệu thực hiện (một số liệu, hoặc --csv FILE)"},
        {"observations", cmd_observations, "observations --unit U [--period P]", "số liệu đã ghi"},
        {"status", cmd_status, "status --unit U [--period P] [--format text|json|csv]",
         "chỉ tiêu đạt, đúng tiến độ, có nguy cơ hay chưa có số liệu"},
        {"summary", cmd_summary, "summary --unit U [--year Y | --period P] [--format text|json]",
         "đánh giá theo nhóm, toàn kế hoạch và theo cơ quan chủ trì"},
        {"rollup", cmd_rollup, "rollup --unit PROVINCE --period P [--format text|json]",
         "tổng hợp các xã/phường của tỉnh theo từng chỉ tiêu"},
        {"rank", cmd_rank, "rank --unit PROVINCE (--year Y | --period P)",
         "xếp hạng các xã/phường"},
        {"report", cmd_report,
         "report --unit U --period P --format docx|xlsx|html|pdf|csv|json [-o F]",
         "báo cáo định kỳ gửi cấp trên"},
        {"exchange", cmd_exchange,
         "exchange export|import --format dhis2-json|dhis2-csv|opensdg ...",
         "trao đổi số liệu với DHIS2 và cổng dữ liệu mở (Open SDG)"},
        {"serve", cmd_serve, "serve [--db DB] [--listen 127.0.0.1:8057]",
         "chạy ứng dụng web và API JSON"},
        {"user", cmd_user, "user add|passwd|disable|enable|role|list|token ...",
         "tài khoản của ứng dụng web"},
        {"series", cmd_series, "series --unit PROVINCE [--indicator CODE] [--format text|json|csv]",
         "số liệu tổng hợp theo tháng của tỉnh hoặc cả nước"},
        {"submit", cmd_submit, "submit --unit U --period P (--indicator I | --all)",
         "gửi số liệu để văn phòng duyệt"},
        {"approve", cmd_approve, "approve --unit U --period P (--indicator I | --all)",
         "duyệt và khóa số liệu"},
        {"return", cmd_return, "return --unit U --period P --indicator I --comment C",
         "trả lại số liệu kèm lý do"},
        {"reopen", cmd_reopen, "reopen --unit U --period P --indicator I --reason R",
         "mở khóa số liệu đã duyệt"},
        {"audit", cmd_audit, "audit [--since T] [--format text|csv|json]", "nhật ký thay đổi"},
        {"task", cmd_task, "task --unit U --task I.1 --period P --status S [--percent N]",
         "cập nhật tiến độ một nhiệm vụ"},
        {"tasks", cmd_tasks, "tasks --unit U [--period P]", "các nhiệm vụ, quá hạn trước"},
        {"period", cmd_period, "period P [--unit U]",
         "khoảng thời gian chốt số liệu của một kỳ báo cáo"},
        {"backup", cmd_backup, "backup FILE", "sao lưu tệp SQLite (an toàn khi đang dùng)"},
        {"dump", cmd_dump, "dump FILE.json", "xuất toàn bộ dữ liệu ra JSON"},
        {"restore", cmd_restore, "restore FILE.json", "khôi phục vào cơ sở dữ liệu trống"},
        {"help", cmd_help, "help", "hướng dẫn sử dụng"},
        {"version", cmd_version, "version", "phiên bản"},
};

static int cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("chitieu %s: theo dõi chỉ tiêu, nhiệm vụ của kế hoạch thực hiện Nghị quyết "
	       "57-NQ/TW\n\n"
	       "Cách dùng: chitieu LỆNH [THAM SỐ]\n\n",
	       CHITIEU_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("  chitieu %-36s %s\n", commands[i].usage, commands[i].help);
	return CLI_OK;
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("chitieu %s (schema %d)\n", CHITIEU_VERSION, store_schema_version());
	return CLI_OK;
}

/* A command that failed because of the database's passing state (away,
 * busy, disk full: store_fault) ends with the exit status and the advice
 * the one table (error.h) gives that failure. */
static int finish(int rc)
{
	enum err_code fault = store_fault();
	if (!rc || fault == ERR_NONE)
		return rc;
	fprintf(stderr, "chitieu: [%s] %s\n", err_name(fault), err_advice(fault));
	return err_exit_status(fault);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		cmd_help(0, NULL);
		return CLI_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, UPLOAD_READ_CMD)) /* the server's reading child (upload.h) */
		return upload_read_main(argc - 1, argv + 1);
	if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		return cmd_help(0, NULL);
	if (!strcmp(name, "--version"))
		return cmd_version(0, NULL);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(commands[i].name, name))
			return finish(commands[i].run(argc - 2, argv + 2));
	fprintf(stderr, "chitieu: không có lệnh \"%s\"; xem \"chitieu help\"\n", name);
	return CLI_USAGE;
}

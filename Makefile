# chitieu: thin wrapper over CMake, ctest and the fuzz/bench scripts.
#
#   make deps          install build/test dependencies (scripts/install-deps.sh)
#   make build         configure build/ (RelWithDebInfo) and build it
#   make run           build, create the demo database (chitieu-demo.db) if there is
#                      none, and serve the web app on http://127.0.0.1:8057/
#   make check         ctest in build/, then in build-asan/ (ASan+UBSan), then the
#                      store tests in build/ against a private PostgreSQL 15
#   make bench         parse, align, engine and store benchmarks, the bulk paths on both
#                      backends (scripts/bench-bulk.sh: before/after figures), then the same national
#                      queries in SQLite, PostgreSQL and DuckDB (scripts/bench-compare.sh),
#                      then the national scenario through the CLI and `chitieu serve` on
#                      both backends (scripts/bench-national.sh), and the first build of the
#                      country's hold (scripts/bench-hold.sh) and the server's peak memory on
#                      monthly figures (scripts/bench-memory.sh); scripts/bench.sh runs them, each
#                      figure beside its goal (met or MISSED), a summary last. About half an
#                      hour: 340 communes; BENCH_FULL=1 for the issues' full scale (hours)
#   make fuzz          libFuzzer harnesses in build-fuzz/, FUZZ_SECONDS each (default 60)
#   make format        clang-format -i the C sources; format-check only reports
#   make clean         remove build/, build-asan/, build-fuzz/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

BUILD_DIR := build
ASAN_DIR := build-asan
FUZZ_DIR := build-fuzz
JOBS ?= 2
BUILD_TYPE ?= RelWithDebInfo
FUZZ_SECONDS ?= 60
CMAKE ?= cmake
CTEST ?= ctest
CLANG_FORMAT ?= clang-format

PLANS := $(wildcard tests/data/plans/*.txt)
FORMAT_FILES = $(wildcard src/*/*.c src/*/*.h src/*.c src/*.h tests/unit/*.c tests/unit/*.h fuzz/*.c bench/*.c)

ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: all deps build build-asan run check bench fuzz format format-check clean

all: build

deps:
	bash scripts/install-deps.sh

build: deps
	$(CMAKE) -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	$(CMAKE) --build $(BUILD_DIR) -j$(JOBS)

build-asan: deps
	$(CMAKE) -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCHITIEU_SANITIZE=ON
	$(CMAKE) --build $(ASAN_DIR) -j$(JOBS)

DEMO_DB ?= chitieu-demo.db
LISTEN ?= 127.0.0.1:8057

run: build
	BIN=./$(BUILD_DIR)/chitieu bash scripts/demo.sh $(DEMO_DB)
	@echo "Mở http://$(LISTEN)/ và đăng nhập: admin, tinh (văn phòng tỉnh), vanphong (văn phòng xã),"
	@echo "baocao (người nhập số liệu), lanhdao (xem); mật khẩu của cả năm: matkhau-demo"
	./$(BUILD_DIR)/chitieu serve --db $(DEMO_DB) --listen $(LISTEN)

# Runs ctest in both trees even when the first has failures (the scans of
# whole plans, label ocr, only in the first: Tesseract's time, not ours), then adds up
# ctest's "N% tests passed, F tests failed out of T" lines into one closing
# line. A tree whose ctest prints no summary (or runs no test) counts as a
# failure. Then the tests labelled `store` run once more in build/ against a
# private PostgreSQL 15 cluster (tests/pg/with-pg.sh sets CHITIEU_TEST_DB_URL;
# each test works in a database of its own there, so -j$(JOBS) as well),
# counted into the same line; a cluster that cannot start counts as a failure,
# no test labelled store only prints a note. Last, the benchmark's Q1/Q2 on a
# small generated country must give chitieu's checksums in SQLite and
# PostgreSQL (one more test). Exits non-zero on any failed test.
check: build build-asan
	bash scripts/install-deps.sh check
	@passed=0; failed=0; status=0; \
	for dir in $(BUILD_DIR) $(ASAN_DIR); do \
		echo "== ctest in $$dir"; \
		log=$$dir/ctest-check.log; \
		rc=0; \
		skip=; [ "$$dir" = $(ASAN_DIR) ] && skip="-LE ocr"; \
		env $(ASAN_ENV) $(CTEST) --test-dir $$dir --output-on-failure -j$(JOBS) $$skip 2>&1 \
			| tee $$log || rc=$$?; \
		summary=$$(sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests\{0,1\} failed out of \([0-9]*\).*/\1 \2/p' $$log | tail -n 1); \
		if [ -z "$$summary" ]; then \
			echo "check: no ctest summary from $$dir (exit $$rc)"; \
			failed=$$((failed + 1)); status=1; continue; \
		fi; \
		set -- $$summary; \
		if [ "$$2" -eq 0 ]; then \
			echo "check: $$dir ran no test"; status=1; \
		fi; \
		passed=$$((passed + $$2 - $$1)); failed=$$((failed + $$1)); \
		if [ "$$rc" -ne 0 ] || [ "$$1" -ne 0 ]; then status=1; fi; \
	done; \
	echo "== ctest -L store in $(BUILD_DIR) against a private PostgreSQL (tests/pg/with-pg.sh)"; \
	log=$(BUILD_DIR)/ctest-check-pg.log; \
	rc=0; \
	bash tests/pg/with-pg.sh $(CTEST) --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS) -L store 2>&1 \
		| tee $$log || rc=$$?; \
	summary=$$(sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests\{0,1\} failed out of \([0-9]*\).*/\1 \2/p' $$log | tail -n 1); \
	if [ -n "$$summary" ]; then \
		set -- $$summary; \
		passed=$$((passed + $$2 - $$1)); failed=$$((failed + $$1)); \
		if [ "$$rc" -ne 0 ] || [ "$$1" -ne 0 ]; then status=1; fi; \
	elif [ "$$rc" -eq 0 ] && grep -q 'No tests were found' $$log; then \
		echo "check: note: no test is labelled store yet; the PostgreSQL pass ran none"; \
	else \
		echo "check: PostgreSQL pass failed, no ctest summary (exit $$rc)"; \
		failed=$$((failed + 1)); status=1; \
	fi; \
	echo "== the engine's answers against SQLite and PostgreSQL on a small country (scripts/bench-compare.sh)"; \
	if ENGINES="sqlite pg" REPS=1 bash scripts/bench-compare.sh 300 5 9 12; then \
		passed=$$((passed + 1)); \
	else \
		echo "check: engine/SQL comparison failed"; failed=$$((failed + 1)); status=1; \
	fi; \
	echo "check: $$passed passed, $$failed failed"; \
	exit $$status

bench: build
	bash scripts/install-deps.sh bench
	bash scripts/bench.sh $(BUILD_DIR)

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_DIR=$(FUZZ_DIR) bash scripts/fuzz.sh

format:
	$(CLANG_FORMAT) -i $(FORMAT_FILES)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)

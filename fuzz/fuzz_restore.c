/* fuzz_restore.c: `chitieu restore` on any bytes, into an in-memory SQLite
 * database: it restores or fails with a message, never crashes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/fuzz-restore-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	char *err = NULL;
	struct store *s = store_open(":memory:", &err);
	if (!s)
		__builtin_trap();
	if (store_restore(s, path, &err)) {
		if (!err || !*err)
			__builtin_trap(); /* a failure always says why */
		free(err);
	}
	store_close(s);
	unlink(path);
	return 0;
}

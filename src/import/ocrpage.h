/* ocrpage.h: a scanned page made ready for reading (src/import/ocr.c): the
 * colour of seals and signatures dropped, the page turned upright, set
 * level, its lighting evened and the scanner's dark margins wiped. */
#ifndef CHITIEU_OCRPAGE_H
#define CHITIEU_OCRPAGE_H

#include <leptonica/allheaders.h>
#include <stddef.h>
#include <stdint.h>

/* The cairo RGB24 image data (h rows of stride bytes, w pixels each) as
 * an 8-bit grey image, with the ink of a colour (a red seal, a blue
 * signature: an official document is printed in black) dropped out: near
 * a coloured stroke a pixel is read by its dominant channel against that
 * ink's level on bare paper (the lightest quarter of the page's clearly
 * coloured pixels of that hue): ink on paper goes white, black print under
 * it stays dark. */
PIX *ocr_grey(const unsigned char *data, int w, int h, int stride);

/* The 8-bit grey page raw (rendered at dpi) upright and level, its
 * lighting evened, the dark margins a scanner leaves around a page fed
 * askew wiped to white; *turned gets the quarter turns (clockwise, 0 to 3)
 * it was given. raw stays the caller's. */
PIX *ocr_upright(PIX *raw, int dpi, int *turned);

#endif

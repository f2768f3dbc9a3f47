/* ocrpage.c: a scanned page as an office's scanner gives it back, made
 * ready for ocr.c's reading: the seal and the signature (colour) dropped,
 * the page turned upright when it was fed upside down or sideways
 * (Leptonica's orientation test on the letters' ascenders and descenders),
 * set level, the grey paper and the uneven lighting of the scanner's lamp
 * evened to white, the dark margins of a page fed askew wiped. */
#include "ocrpage.h"

#include <math.h>

/* Chroma (largest channel less smallest) from which a pixel may be
 * coloured ink (black print has under 20 even in a JPEG, whose colour is
 * blurred across the edges of strokes; a scanner's noise leaves specks
 * above it), and from which it surely is (a seal's red or a ballpoint's
 * blue have 100 or more). */
#define DROP_SEED 48
#define DROP_ALL  72
/* A pixel near coloured ink whose dominant channel is INK_DARK % of the
 * ink's median level or less is black print (under the ink), from
 * INK_DARK + INK_SPAN % paper: the ink's own strokes vary in strength and
 * a JPEG rings around them. */
#define INK_DARK 30
#define INK_SPAN 45
/* The paper's level (the tiles' lightest 30 % of pixels) under which a
 * page's lighting is evened: a scan on white paper, lit evenly, is left
 * as it is. */
#define PAPER_LEVEL  232
#define PAPER_TARGET 245
/* Leptonica's advice for its orientation test: a page is turned when the
 * test's confidence is over 8 and over 2.5 times that of the other axis. */
#define ORIENT_CONF  8.0f
#define ORIENT_RATIO 2.5f
/* A page's vertical rules leaning from SLANT_MIN to SLANT_MAX (x per y:
 * 0.004 is 6 pixels across a table 5 cm tall at 300 dpi; 0.1 is 6
 * degrees, more than a photograph taken with care), at least
 * UPRIGHT_RULES of them an inch long or more, are stood upright. */
#define SLANT_MIN     0.004
#define SLANT_MAX     0.1
#define UPRIGHT_RULES 3
/* A page whose test finds it not upright (its upright confidence 0 or
 * less) is turned sideways on a weaker lead: over ORIENT_CONF and
 * ORIENT_WEAK times the other axis. A table page fed sideways, with
 * little running text, measured 13.2 for the turn against -6.2 upright;
 * upright pages measured 9.6 to 20 upright. */
#define ORIENT_WEAK 1.5f

/* The pixel's dominant channel (0 red, 1 green, 2 blue), its largest and
 * its chroma. */
static unsigned dominant(unsigned r, unsigned g, unsigned b, unsigned *hi, unsigned *chroma)
{
	unsigned lo = r < g ? r : g;
	lo = b < lo ? b : lo;
	unsigned d = r >= g && r >= b ? 0 : g >= b ? 1 : 2;
	*hi = d == 0 ? r : d == 1 ? g : b;
	*chroma = *hi - lo;
	return d;
}

static void ink_levels(const unsigned char *data, int w, int h, int stride, unsigned ink[3])
{
	static const unsigned share = 2; /* the ink's median */
	size_t hist[3][256] = {{0}}, count[3] = {0};
	for (int y = 0; y < h; y += 3) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < w; x += 3) {
			unsigned hi, c, v = px[x];
			unsigned d = dominant((v >> 16) & 255, (v >> 8) & 255, v & 255, &hi, &c);
			if (c >= DROP_ALL)
				hist[d][hi]++, count[d]++;
		}
	}
	for (int d = 0; d < 3; d++) {
		ink[d] = 255;
		size_t seen = 0;
		for (int v = 255; v > 0 && count[d] > 0; v--) {
			seen += hist[d][v];
			if (seen * share >= count[d]) {
				ink[d] = (unsigned)v;
				break;
			}
		}
	}
}

PIX *ocr_grey(const unsigned char *data, int w, int h, int stride)
{
	unsigned ink[3];
	ink_levels(data, w, h, stride, ink);
	/* the coloured strokes (the specks of a scanner's colour noise left
	 * out), widened over their edges (where a JPEG's colour, blurred,
	 * fades) */
	PIX *colour = pixCreate(w, h, 1);
	l_uint32 *cd = pixGetData(colour);
	int cwpl = pixGetWpl(colour);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < w; x++) {
			unsigned hi, c, v = px[x];
			dominant((v >> 16) & 255, (v >> 8) & 255, v & 255, &hi, &c);
			if (c >= DROP_SEED)
				SET_DATA_BIT(cd + (size_t)y * (size_t)cwpl, x);
		}
	}
	PIX *strokes = pixOpenBrick(NULL, colour, 3, 3);
	pixDestroy(&colour);
	PIX *near = pixDilateBrick(NULL, strokes, 7, 7);
	pixDestroy(&strokes);
	l_uint32 *nd = pixGetData(near);
	PIX *g = pixCreate(w, h, 8);
	int wpl = pixGetWpl(g);
	l_uint32 *gd = pixGetData(g);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		l_uint32 *out = gd + (size_t)y * (size_t)wpl;
		const l_uint32 *in = nd + (size_t)y * (size_t)cwpl;
		for (int x = 0; x < w; x++) {
			unsigned v = px[x], r = (v >> 16) & 255, gg = (v >> 8) & 255, b = v & 255;
			unsigned lum = (r * 77 + gg * 150 + b * 29) >> 8, hi, c;
			unsigned d = dominant(r, gg, b, &hi, &c);
			/* ink times print: the print's darkness is the ink's own
			 * channel against the ink's level on bare paper */
			int light = (int)lum;
			if (GET_DATA_BIT(in, x)) {
				/* hi / ink from INK_DARK to INK_DARK + INK_SPAN %: from
				 * black print under the ink to the ink alone */
				light = ((int)(hi * 100 / ink[d]) - INK_DARK) * 255 / INK_SPAN;
				light = light < 0 ? 0 : light > 255 ? 255 : light;
			}
			SET_DATA_BYTE(out, x, light > (int)lum ? (unsigned)light : lum);
		}
	}
	pixDestroy(&near);
	return g;
}

/* The page's paper, tile by tile: the darkest of the tiles' light levels. */
static int paper(PIX *g)
{
	int w = pixGetWidth(g), h = pixGetHeight(g), low = 255;
	for (int ty = 0; ty < 4; ty++)
		for (int tx = 0; tx < 4; tx++) {
			BOX *b = boxCreate(w * tx / 4, h * ty / 4, w / 4, h / 4);
			PIX *t = pixClipRectangle(g, b, NULL);
			boxDestroy(&b);
			l_int32 v = 255;
			if (t && pixGetRankValue(t, 4, 0.7f, (l_uint32 *)&v) == 0 && v < low)
				low = v;
			pixDestroy(&t);
		}
	return low;
}

/* The dark margins of a page fed askew (the scanner's lid showing in the
 * corners), and any dark band along the page's edge: ink that touches the
 * edge, wiped to white. */
static void wipe_edges(PIX *g)
{
	PIX *bin = pixThresholdToBinary(g, 128);
	PIX *edge = bin ? pixExtractBorderConnComps(bin, 8) : NULL;
	pixDestroy(&bin);
	if (!edge)
		return;
	PIX *wide = pixDilateBrick(NULL, edge, 5, 5);
	pixDestroy(&edge);
	if (wide)
		pixSetMasked(g, wide, 255);
	pixDestroy(&wide);
}

/* The slant of the page's vertical rules once it is level (x moved per
 * row, as a median over the long rules): a page photographed at an angle
 * is level along its lines but its columns lean. 0 when the page has fewer
 * than UPRIGHT_RULES such rules. */
static double rule_slant(PIX *g, int dpi)
{
	PIX *bin = pixThresholdToBinary(g, 215);
	PIX *c = bin ? pixCloseBrick(NULL, bin, 1, 7) : NULL;
	PIX *o = c ? pixOpenBrick(NULL, c, 1, dpi / 6) : NULL;
	BOXA *boxes = NULL;
	PIXA *parts = NULL;
	if (o)
		boxes = pixConnComp(o, &parts, 8);
	double slant[64];
	int n = 0;
	for (int i = 0; boxes && i < boxaGetCount(boxes) && n < 64; i++) {
		int bx, by, bw, bh;
		boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
		if (bh < dpi || bw > bh / 8)
			continue;
		PIX *part = pixaGetPix(parts, i, L_CLONE);
		l_float32 top = 0, bottom = 0, ya = 0, yb = 0;
		int band = bh / 8;
		BOX *a = boxCreate(0, 0, bw, band), *b = boxCreate(0, bh - band, bw, band);
		PIX *pa = pixClipRectangle(part, a, NULL), *pb = pixClipRectangle(part, b, NULL);
		if (pa && pb && pixCentroid(pa, NULL, NULL, &top, &ya) == 0 &&
		    pixCentroid(pb, NULL, NULL, &bottom, &yb) == 0)
			slant[n++] = (bottom - top) / (double)(bh - band);
		pixDestroy(&pa);
		pixDestroy(&pb);
		boxDestroy(&a);
		boxDestroy(&b);
		pixDestroy(&part);
	}
	boxaDestroy(&boxes);
	pixaDestroy(&parts);
	pixDestroy(&o);
	pixDestroy(&c);
	pixDestroy(&bin);
	if (n < UPRIGHT_RULES)
		return 0;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && slant[j - 1] > slant[j]; j--) {
			double x = slant[j];
			slant[j] = slant[j - 1];
			slant[j - 1] = x;
		}
	return slant[n / 2];
}

/* The page with its columns stood upright: sheared along its lines by the
 * slant of its vertical rules, when they lean more than SLANT_MIN (a
 * ruled table photographed, not scanned). */
static PIX *unshear(PIX *g, int dpi)
{
	double s = rule_slant(g, dpi);
	if (fabs(s) < SLANT_MIN || fabs(s) > SLANT_MAX)
		return g;
	PIX *u = pixHShearCenter(NULL, g, (l_float32)atan(s), L_BRING_IN_WHITE);
	if (!u)
		return g;
	pixDestroy(&g);
	return u;
}

PIX *ocr_upright(PIX *raw, int dpi, int *turned)
{
	*turned = 0;
	PIX *g = pixCopy(NULL, raw);
	wipe_edges(g);
	if (paper(g) < PAPER_LEVEL) {
		/* tiles of a sixth of an inch: ink under 100 is not paper */
		PIX *n = pixBackgroundNorm(g, NULL, NULL, dpi / 6, dpi / 6, 100, dpi / 6 * dpi / 12,
		                           PAPER_TARGET, 2, 2);
		if (n) {
			pixDestroy(&g);
			g = n;
		}
	}
	/* Which way up: text lines read sideways or upside down give their
	 * ascenders and descenders the wrong way; a page whose test is unsure
	 * (a table with little text) is left as it is. */
	PIX *bin = pixThresholdToBinary(g, 128); /* at half the size it misjudges */
	l_float32 up = 0, left = 0;
	if (bin && pixOrientDetect(bin, &up, &left, 0, 0) == 0) {
		/* Leptonica's makeOrientDecision, without its messages */
		float au = up < 0 ? -up : up, al = left < 0 ? -left : left;
		PIX *r = NULL;
		if (up < -ORIENT_CONF && au > ORIENT_RATIO * al)
			r = pixRotate180(NULL, g), *turned = 2;
		else if (up <= ORIENT_CONF || au <= ORIENT_RATIO * al) {
			float ratio = up <= 0 ? ORIENT_WEAK : ORIENT_RATIO;
			if (left > ORIENT_CONF && al > ratio * au)
				r = pixRotate90(g, 1), *turned = 1;
			else if (left < -ORIENT_CONF && al > ratio * au)
				r = pixRotate90(g, -1), *turned = 3;
		}
		if (r) {
			pixDestroy(&g);
			g = r;
		}
	}
	pixDestroy(&bin);
	l_float32 angle = 0, conf = 0;
	PIX *level = pixFindSkewAndDeskew(g, 2, &angle, &conf);
	pixDestroy(&g);
	return level ? unshear(level, dpi) : NULL; /* the corners turned in come in white */
}

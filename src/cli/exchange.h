/* exchange.h: what the files of `chitieu exchange` share. */
#ifndef CHITIEU_EXCHANGE_H
#define CHITIEU_EXCHANGE_H

struct store;

/* The Open SDG files of unit and the units under it into dir (data/,
 * meta/, indicator-numbers.csv; geojson/ when boundaries names a GeoJSON
 * file of the communes); only: one indicator; numbering: a CSV file
 * code,number giving Open SDG's goal.target.indicator numbers. A CLI exit
 * status (exchange_sdg.c). */
int opensdg_export(struct store *s, const char *unit, const char *only, const char *dir,
                   const char *numbering, const char *boundaries);

#endif

/**
 * Tabular files people keep in Excel (.xlsx, CSV in UTF-8 or CP932), read row by row through one interface,
 * {@link jp.inochi.platform.tables.TableReader}, by every feature that imports a list: households, plan status.
 * Beside it, the header lookup, the cell readings (dates in 和暦 too) and the dry run kept until confirmed.
 * Geodata files with geometry and a CRS have their own readers in {@code layers.reading}.
 */
package jp.inochi.platform.tables;

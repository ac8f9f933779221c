/**
 * The one clock and zone of the system (Tehran), shared by every service: part of support-text, with the
 * Jalali calendar that shows its days.
 */
package ir.tehran.womenfamily.support.time;

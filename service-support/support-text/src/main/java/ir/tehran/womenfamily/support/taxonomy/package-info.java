/**
 * The shared vocabulary of categories (the words both the registry and the bazaar use for a kind of
 * business or goods): part of support-text, with the Persian text it is written in.
 */
package ir.tehran.womenfamily.support.taxonomy;

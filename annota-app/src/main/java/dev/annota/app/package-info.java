/** Use cases: import, annotate, pre-label, train, evaluate, export. */
package dev.annota.app;

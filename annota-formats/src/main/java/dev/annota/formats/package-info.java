/** Dataset formats: one package per format with reader, writer and detector; an explicit registry. */
package dev.annota.formats;

/** Where results come from: {@link dev.annota.core.provenance.Provenance}. */
package dev.annota.core.provenance;

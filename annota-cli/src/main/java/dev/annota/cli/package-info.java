/** The annota command line (thin shell over annota-app and annota-server). */
package dev.annota.cli;

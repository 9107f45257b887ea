/** The HTTP API server (thin shell over annota-app). */
package dev.annota.server;

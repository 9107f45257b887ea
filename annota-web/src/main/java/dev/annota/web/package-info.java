/** The web annotation UI, built and bundled as static resources. */
package dev.annota.web;

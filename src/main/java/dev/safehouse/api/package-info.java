/** HTTP API. */
package dev.safehouse.api;

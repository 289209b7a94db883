/** Start-up: the demo project seeded on the first start (DemoProjectSeed). */
package dev.helix.projects.inbound;

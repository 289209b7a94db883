-- The built-in agent gallery. Capabilities are the tools an agent may use; the pool allocates by them.
-- Every built-in profile thinks through the offline provider until an administrator binds another one.
INSERT INTO agent_profile (role, display_name, description, capabilities, provider, model, built_in) VALUES
('architect', 'Architect', 'Turns a request into requirements and a technical design; reviews designs of others.', 'spec.write,design.review,code.review', 'offline', 'helix-offline-1', TRUE),
('planner', 'Planner', 'Breaks work into an implementation plan and parallel workstreams with declared interfaces.', 'spec.write,plan.decompose', 'offline', 'helix-offline-1', TRUE),
('coder', 'Coder', 'Implements plan items: writes and changes code, runs the build.', 'code.write,repo.read,build.run', 'offline', 'helix-offline-1', TRUE),
('reviewer', 'Reviewer', 'Reviews specifications and code changes and writes actionable findings.', 'code.review,spec.review,repo.read', 'offline', 'helix-offline-1', TRUE),
('qa-engineer', 'QA engineer', 'Writes and runs tests in the sandbox, reports failures with reproduction steps.', 'test.write,test.run,repo.read', 'offline', 'helix-offline-1', TRUE),
('researcher', 'Researcher', 'Gathers background, compares options and summarises findings with sources.', 'research.search,research.summarise', 'offline', 'helix-offline-1', TRUE),
('sentinel', 'Sentinel', 'Watches fleet health, detects failed agents, stuck tasks and backlogs, and heals what it can.', 'fleet.monitor,fleet.heal', 'offline', 'helix-offline-1', TRUE),
('devops', 'DevOps engineer', 'Builds pipelines, containers and deployment manifests; operates environments.', 'infra.write,deploy.run,build.run', 'offline', 'helix-offline-1', TRUE),
('security-auditor', 'Security auditor', 'Audits code and configuration for vulnerabilities and unsafe defaults.', 'security.scan,code.review,repo.read', 'offline', 'helix-offline-1', TRUE),
('technical-writer', 'Technical writer', 'Writes user and API documentation, release notes and guides.', 'docs.write,repo.read', 'offline', 'helix-offline-1', TRUE),
('data-analyst', 'Data analyst', 'Queries metrics and data sets, builds reports and explains trends.', 'data.query,report.write', 'offline', 'helix-offline-1', TRUE),
('integrator', 'Integrator', 'Connects Helix to outside systems through APIs, webhooks and queues.', 'api.call,code.write,repo.read', 'offline', 'helix-offline-1', TRUE),
('ux-designer', 'UX designer', 'Designs user flows and page layouts and reviews usability.', 'ui.design,design.review', 'offline', 'helix-offline-1', TRUE),
('release-manager', 'Release manager', 'Plans releases, checks readiness and coordinates the roll-out.', 'release.plan,deploy.run', 'offline', 'helix-offline-1', TRUE);

import { render } from 'preact';
import { AgentSettingsForm } from '../../components/AgentSettings';
import { AiSettings } from '../../components/AiSettings';
import { AppInfo } from '../../components/AppInfo';
import { AuditLog } from '../../components/AuditLog';
import { ConnectionsSettings } from '../../components/ConnectionsSettings';
import { OperatorSettings } from '../../components/OperatorSettings';
import { PublishSettings } from '../../components/PublishSettings';
import { WorkflowSettings } from '../../components/WorkflowSettings';
import { interfaceLanguage } from '../../lib/i18n';
import '../../components/page.css';

// The page is written in the interface's language (its HTML says English until then).
document.documentElement.lang = interfaceLanguage;

function Options() {
  return (
    <main>
      <AppInfo />
      <ConnectionsSettings />
      <WorkflowSettings />
      <OperatorSettings />
      <AgentSettingsForm />
      <PublishSettings />
      <AiSettings />
      <AuditLog />
    </main>
  );
}

// A module script runs once the document is parsed: the body is there.
render(<Options />, document.body);

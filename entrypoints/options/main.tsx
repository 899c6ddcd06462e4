import { render } from 'preact';
import { AgentSettingsForm } from '../../components/AgentSettings';
import { AiSettings } from '../../components/AiSettings';
import { AppInfo } from '../../components/AppInfo';
import { AuditLog } from '../../components/AuditLog';
import { ConnectionsSettings } from '../../components/ConnectionsSettings';
import { OperatorSettings } from '../../components/OperatorSettings';
import '../../components/page.css';

function Options() {
  return (
    <main>
      <AppInfo />
      <ConnectionsSettings />
      <OperatorSettings />
      <AgentSettingsForm />
      <AiSettings />
      <AuditLog />
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);

import { render } from 'preact';
import { AppInfo } from '../../components/AppInfo';
import { ConnectionsSettings } from '../../components/ConnectionsSettings';
import '../../components/page.css';

function Options() {
  return (
    <main>
      <AppInfo />
      <ConnectionsSettings />
      <p class="sk-settings__placeholder">Features and limits will be configured here.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);

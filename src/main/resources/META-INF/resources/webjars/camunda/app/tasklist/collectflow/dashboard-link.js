// "Dashboard" in Tasklist's header: the KPI dashboard shares Tasklist's login, so the link opens it logged in.
export default {
  id: 'collectflow.dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: node => {
    const link = document.createElement('a');
    link.id = 'collectflow-dashboard';
    link.href = '/dashboard';
    link.title = 'KPIs: on-time collection, aging, money collected per stage';
    link.textContent = 'Dashboard';
    node.appendChild(link);
  }
};

// Browser entry of the citizens' report page (/report/): a separate, sign-in-free page for phones.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ReportApp } from './report-app.tsx'
import { ReportProvider } from './provider.tsx'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('report/index.html must have a #root element')

createRoot(root).render(
  <StrictMode>
    <ReportProvider>
      <ReportApp />
    </ReportProvider>
  </StrictMode>,
)

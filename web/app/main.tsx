// Browser entry: mounts the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { AppProvider } from './provider.tsx'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html must have a #root element')

createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <App />
    </AppProvider>
  </StrictMode>,
)

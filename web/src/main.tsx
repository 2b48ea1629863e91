import '@mantine/core/styles.css';
import { MantineProvider, Title, Text, Container } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider>
      <Container py="xl">
        <Title>servicepact</Title>
        <Text>The contract is the source of truth.</Text>
      </Container>
    </MantineProvider>
  </StrictMode>,
);

import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

/** The frame of every Guth email: plain, readable, and the same in every mail client. */
export function EmailLayout(props: { lang: string; preview: string; footer: string; children: ReactNode }) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: '#ffffff', color: '#333333', fontFamily: 'Arial, Helvetica, sans-serif' }}>
        <Container style={{ maxWidth: '600px', padding: '16px' }}>
          <Section style={{ borderBottom: '4px solid #0065bd', paddingBottom: '8px' }}>
            <Text style={{ fontSize: '24px', fontWeight: 700, margin: 0 }}>Guth</Text>
          </Section>
          {props.children}
          <Hr />
          <Text style={{ fontSize: '14px', color: '#5e5e5e' }}>{props.footer}</Text>
        </Container>
      </Body>
    </Html>
  )
}
